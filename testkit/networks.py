"""Generated networks that look like a real person's: a few companies and events that many share, hubs who
introduced several people, some tags, links and intros made, and interactions spread over three years.

Used by the map tests and by bench/bench_map.py; the same seed always gives the same network.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import NamedTuple

from bot.store.records import Contact, Interaction, Profile

FIRST = "Ana Ben Chloe Dev Eli Fay Gus Hana Ivo Jane Kai Lea Max Nia Omar Pia Raj Sam Tom Uma Vic Wen Yara Zoe".split()  # noqa: SIM905
LAST = "Adler Brook Costa Diaz Evans Fox Gray Hale Ito Jones Khan Lund Meyer Novak Ortiz Park Quinn Rossi Sato".split()  # noqa: SIM905
COMPANIES = ["Acme", "Stripe", "Monzo", "Globex", "Initech", "Hooli", "Umbrella", "Wonka", "Soylent", "Vandelay"]
EVENTS = ["PyCon", "the fintech meetup", "Sam's wedding", "the climate hackathon", "Web Summit", "the book club"]
TAGS = ["fintech", "investor", "climate", "design", "school", "family"]


class SampleNetwork(NamedTuple):
    contacts: list[Contact]
    interactions: list[Interaction]
    profile: Profile
    today: date


def generated_network(size: int, seed: int = 1) -> SampleNetwork:
    rng = random.Random(seed)
    today = date(2026, 11, 22)
    contacts: list[Contact] = []
    interactions: list[Interaction] = []
    hubs: list[Contact] = []
    for n in range(size):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}" + (f" {n}" if size > 60 else "")
        met = today - timedelta(days=rng.randint(0, 1100))
        contact = Contact(id=f"{n:08x}", name=name, met_on=met.isoformat(), created_at=met.isoformat() + "T09:00:00")
        contact.circle = rng.choices(["inner", "close", "wider"], weights=[1, 3, 6])[0]
        roll = rng.random()
        if roll < 0.45:
            contact.company = COMPANIES[min(int(rng.paretovariate(1.2)) - 1, len(COMPANIES) - 1)]
        elif roll < 0.75:
            contact.met_context = rng.choice(EVENTS)
        if rng.random() < 0.25:
            contact.tags = [rng.choice(TAGS)]
        if hubs and rng.random() < 0.2:
            introducer = rng.choice(hubs[:4])
            contact.introduced_by_id, contact.introduced_by = introducer.id, introducer.name
        if contacts and rng.random() < 0.03:
            contact.links = [{"contact_id": rng.choice(contacts).id, "as": rng.choice(["cofounder", "husband"])}]
        contact.interests = rng.sample(["jazz", "climbing", "AI", "chess", "cooking"], k=rng.randint(0, 2))
        if len(hubs) < 6 and rng.random() < 0.3:
            hubs.append(contact)
        contacts.append(contact)
        for k in range(rng.choice([0, 0, 1, 2, 3, 6])):
            on = met + timedelta(days=rng.randint(0, max((today - met).days, 0)))
            kind = rng.choice(["note", "gave", "got", "met", "touch"])
            interactions.append(
                Interaction(id=f"{n:06x}{k:02x}", contact_id=contact.id, kind=kind, on=on.isoformat(), text="hi")
            )
    for k in range(min(size // 25, 5)):  # introductions the user made
        a, b = rng.sample(contacts, 2)
        interactions.append(
            Interaction(id=f"i{k:07x}", contact_id=a.id, kind="gave", text=f"introduced to {b.name}", on="2026-10-01")
        )
    profile = Profile(user_id=1, goals=[{"text": "a job in climate tech", "by": "", "done_on": ""}])
    return SampleNetwork(contacts, interactions, profile, today)
