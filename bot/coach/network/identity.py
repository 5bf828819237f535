"""Who is who: when two records are the same person, when they might be, and when they are surely two people.

Folding two people into one cannot be undone by the user (whose birthday was it?), while keeping one person twice
is fixed with /merge. So two records are the same person only on strong evidence:
- the same Nurture id (a file Nurture exported, coming back);
- the same LinkedIn profile (and two different profiles are always two people);
- the same email address and a compatible name;
- the same phone number and a compatible name. Numbers are compared as phonenumbers reads them, with the user's
  country as the default for numbers written without one: "+49 170 1234567" and "0170 1234567" (in Germany) are
  one number, "+49 170 1234567" and "+46 70 123 4567" are two.
A phone or a role address (info@, office@, hello@) shared by different names is a household or an office: never
one person. Anything weaker - the same name and nothing else, or a name that fits and the same company - is a
question for the user ("maybe the same").

Names are compatible when every word of the shorter one fits a word of the other (the same word, its start, or
its initial), compared in plain ASCII, so "Olga Ivanova" fits "Ольга Иванова", "Jane" fits "Jane Doe" and
"J. Doe" fits "Jane Doe". Aliases and nicknames count as names.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

import phonenumbers
from anyascii import anyascii

from bot.coach.reading.names import fold
from bot.store.records import Contact

SAME, MAYBE, APART = "same", "maybe", "apart"
MIN_PREFIX = 3  # "Sam" fits "Samuel"; "Jo" does not fit "Joanna"
ROLE_ADDRESSES = frozenset({
    "info", "office", "hello", "hi", "contact", "contacts", "team", "sales", "support", "help", "admin", "mail",
    "email", "enquiries", "inquiries", "jobs", "careers", "hr", "billing", "accounts", "accounting", "press", "media",
    "marketing", "reception", "service", "customerservice", "noreply", "no-reply", "webmaster", "postmaster", "home",
    "family", "hallo", "kontakt", "bonjour",
})  # fmt: skip
_TITLES = frozenset(
    ["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "rev", "jr", "sr", "ii", "iii", "phd", "md"]
)
_WORD = re.compile(r"[a-z0-9]+")


class Keys(NamedTuple):
    """What identifies one person, worked out once per record."""

    names: tuple[tuple[str, ...], ...]  # each name they go by, as plain words
    emails: frozenset[str]  # personal addresses (role addresses left out), lower-cased
    phones: frozenset[str]  # E.164 where the number reads, else its digits
    linkedin: str  # "linkedin.com/in/janedoe", or ""
    company: str  # folded
    uid: str  # the contact's Nurture id: a file Nurture exported names each person by it


def keys_of(contact: Contact, region: str = "") -> Keys:
    names = {name_words(n) for n in (contact.name, contact.nickname, *contact.aliases) if n.strip()}
    emails = frozenset(e for e in (email_key(item["value"]) for item in contact.emails) if e and not is_role_address(e))
    phones = frozenset(p for p in (phone_key(item["value"], region) for item in contact.phones) if p)
    keys = tuple(n for n in names if n)
    return Keys(keys, emails, phones, linkedin_key(contact.linkedin), fold(contact.company), contact.id)


def judge(a: Keys, b: Keys) -> str:
    """SAME, MAYBE or APART (see the module docstring)."""
    if a.uid and a.uid == b.uid:  # a person Nurture exported, coming back: 64 random bits do not repeat
        return SAME
    if a.linkedin and b.linkedin:
        return SAME if a.linkedin == b.linkedin else APART
    if not compatible(a.names, b.names):
        return APART
    if a.emails & b.emails or a.phones & b.phones:
        return SAME
    if {tuple(sorted(n)) for n in a.names} & {tuple(sorted(n)) for n in b.names}:  # the very same name
        return MAYBE
    if a.company and a.company == b.company:
        return MAYBE
    return APART


def shares_but_differs(a: Keys, b: Keys) -> bool:
    """A phone or an address in common, and names that do not fit: a household or an office."""
    return bool(a.emails & b.emails or a.phones & b.phones) and not compatible(a.names, b.names)


# -- names -------------------------------------------------------------------------------------------------------


@lru_cache(maxsize=65536)
def name_words(name: str) -> tuple[str, ...]:
    """ "Dr. Ольга Иванова" -> ("olga", "ivanova"): plain ASCII words, apostrophes dropped, titles left out."""
    words = _WORD.findall(anyascii(fold(name)).lower().replace("'", ""))
    return tuple(w for w in words if w not in _TITLES) or tuple(words)


def compatible(names_a: tuple[tuple[str, ...], ...], names_b: tuple[tuple[str, ...], ...]) -> bool:
    return any(_fits(a, b) for a in names_a for b in names_b)


@lru_cache(maxsize=65536)
def _fits(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if not short:
        return False
    free = list(long)
    whole = False
    for word in short:
        match = next((w for w in free if w == word), None)
        if match is None:
            match = next((w for w in free if _word_fits(word, w)), None)
        else:
            whole = True
        if match is None:
            return False
        free.remove(match)
        whole = whole or min(len(word), len(match)) >= MIN_PREFIX
    return whole


def _word_fits(a: str, b: str) -> bool:
    if len(a) == 1 or len(b) == 1:  # an initial
        return a[0] == b[0]
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= MIN_PREFIX and long.startswith(short)


# -- addresses, numbers, profiles --------------------------------------------------------------------------------


def email_key(value: str) -> str:
    value = value.strip().lower()
    if value.startswith("mailto:"):
        value = value[7:]
    return value if "@" in value.strip("@") else ""


def is_role_address(email: str) -> bool:
    """info@, office@, hello@...: an address a whole office or household shares."""
    return email.split("@", 1)[0] in ROLE_ADDRESSES


@lru_cache(maxsize=65536)
def phone_key(value: str, region: str = "") -> str:
    """The number in E.164 ("+491701234567") when phonenumbers can read it (numbers without a country code are
    read as the user's ``region``'s), else its digits (at least seven of them), else ""."""
    digits = re.sub(r"\D", "", value)
    if len(digits) < 7:
        return ""
    try:
        number = phonenumbers.parse(value, region.upper() or None)
    except phonenumbers.NumberParseException:
        return "#" + digits
    if not phonenumbers.is_possible_number(number):
        return "#" + digits
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


_LINKEDIN = re.compile(r"linkedin\.com/(in|pub)/([^/?#\s]+)", re.IGNORECASE)


def linkedin_key(url: str) -> str:
    """ "https://de.linkedin.com/in/JaneDoe/?trk=x" -> "linkedin.com/in/janedoe"; "" for anything else."""
    match = _LINKEDIN.search(url.strip())
    return f"linkedin.com/{match.group(1).lower()}/{match.group(2).lower()}" if match else ""


@lru_cache(maxsize=512)
def region_of(timezone: str) -> str:
    """The country a time zone is in ("Europe/Berlin" -> "DE"; "" for UTC and the like), from the tz database's
    zone.tab: the default country for phone numbers written without one."""
    for line in _zone_table():
        parts = line.split("\t")
        if len(parts) >= 3 and parts[2] == timezone:
            return parts[0]
    return ""


@lru_cache(maxsize=1)
def _zone_table() -> tuple[str, ...]:
    try:
        text = resources.files("tzdata.zoneinfo").joinpath("zone.tab").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        return ()
    return tuple(line for line in text.splitlines() if line and not line.startswith("#"))
