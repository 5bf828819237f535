"""Export, then import into an empty notebook: the same people come back, for random notebooks.

The JSON backup gives back every record as it was (ids, timelines, promises, facts). The CSV and the vCards give
back every field of every person and their ids (they carry them), links and introducers included; these two name a
linked person by their name, so the notebooks drawn here give people different names.
"""

from __future__ import annotations

import dataclasses
import string
from datetime import UTC, date, datetime, timedelta

import orjson
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.coach.network.exports import contacts_csv, contacts_vcf
from bot.coach.network.files import read_file
from bot.coach.network.identity import name_words
from bot.coach.network.imports import plan_import, preview
from bot.coach.network.incoming import clean_tag
from bot.store.records import SCHEMA_VERSION, Contact, Fact, Interaction, Promise, new_id

NOW = datetime(2026, 11, 22, 9, 30, tzinfo=UTC)
LETTERS = string.ascii_letters + "ÀÉÖßçñøЖжИиλ李伟" + string.digits
PUNCTUATION = " .,'&()/!?:@=+-#\"*"


def words(alphabet: str = LETTERS + PUNCTUATION, max_size: int = 30) -> st.SearchStrategy[str]:
    return st.text(alphabet, max_size=max_size).map(lambda t: " ".join(t.split()))


def some(alphabet: str = LETTERS + PUNCTUATION, max_size: int = 30) -> st.SearchStrategy[str]:
    return words(alphabet, max_size).filter(bool)


def days() -> st.SearchStrategy[str]:
    return st.dates(date(1990, 1, 1), date(2030, 12, 31)).map(date.isoformat)


def labelled(values: st.SearchStrategy[str]) -> st.SearchStrategy[list[dict[str, str]]]:
    label = st.sampled_from(["", "mobile", "work", "home", "us office", "twitter"])
    item = st.builds(lambda v, lab: {"value": v, "label": lab} if lab else {"value": v}, values, label)
    return st.lists(item, max_size=3, unique_by=lambda i: i["value"].casefold())


PHONES = st.from_regex(r"\+[1-9][0-9]{1,2} [0-9]{2,4} [0-9]{4,8}", fullmatch=True)
EMAILS = st.from_regex(r"[a-z][a-z0-9.]{0,10}@[a-z]{2,8}\.example", fullmatch=True)
URLS = st.from_regex(r"https://[a-z]{2,10}\.example/[a-z0-9_]{0,12}", fullmatch=True)
LIST_ITEM = some(LETTERS + " .,'&()-", 20)  # list items are joined with "; " in the CSV
TAG = some(string.ascii_lowercase + "éü" + string.digits + " -", 15).map(lambda t: clean_tag(t.lstrip("- ")))
NOTE = st.builds(
    lambda on, paragraphs: {"on": on, "text": "\n\n".join(paragraphs)},
    days(),
    st.lists(
        st.one_of(some(), st.builds(lambda d, t: f"[{d}] {t}", days(), some()), some(max_size=5).map("\\".__add__)),
        min_size=1,
        max_size=3,
    ),
)


@st.composite
def notebooks(draw: st.DrawFn) -> tuple[list[Contact], list[Interaction], list[Promise], list[Fact]]:
    names = draw(
        st.lists(
            some(LETTERS + " .'-", 25), min_size=1, max_size=4, unique_by=lambda n: " ".join(sorted(name_words(n))) or n
        )
    )
    taken: set[str] = set()
    ids = [new_id(taken) for _ in names]
    taken.update(ids)
    contacts = []
    for index, name in enumerate(names):
        others = [i for i in range(len(names)) if i != index]
        introducer = draw(st.one_of(st.none(), st.sampled_from(others))) if others else None
        linked = draw(st.lists(st.sampled_from(others), max_size=2, unique=True)) if others else []
        contacts.append(
            Contact(
                id=ids[index],
                name=name,
                title=draw(st.sampled_from(["", "Dr", "Prof"])),
                nickname=draw(words(LETTERS + " .'-", 12)),
                aliases=draw(st.lists(some(LETTERS + " .'-", 20), max_size=2, unique=True)),
                company=draw(words()),
                role=draw(words()),
                met_context=draw(words()),
                met_on=draw(st.one_of(st.just(""), days())),
                introduced_by=names[introducer]
                if introducer is not None
                else draw(
                    words(max_size=15).filter(lambda said: name_words(said) not in {name_words(n) for n in names})
                ),  # as typed: not a name here
                introduced_by_id=ids[introducer] if introducer is not None else "",
                interests=draw(st.lists(LIST_ITEM, max_size=3, unique=True)),
                needs=draw(st.lists(LIST_ITEM, max_size=2, unique=True)),
                offers=draw(st.lists(LIST_ITEM, max_size=2, unique=True)),
                wins=draw(st.lists(LIST_ITEM, max_size=2, unique=True)),
                tags=draw(st.lists(TAG.filter(bool), max_size=3, unique=True)),
                circle=draw(st.sampled_from(["inner", "close", "wider"])),
                birthday=draw(
                    st.one_of(
                        st.just(""), st.dates(date(2000, 1, 1), date(2000, 12, 31)).map(lambda d: d.strftime("%m-%d"))
                    )
                ),
                phones=draw(labelled(PHONES)),
                emails=draw(labelled(EMAILS)),
                urls=draw(labelled(URLS)),
                linkedin=draw(
                    st.one_of(
                        st.just(""), st.from_regex(r"https://www\.linkedin\.com/in/[a-z0-9-]{3,20}", fullmatch=True)
                    )
                ),
                website=draw(st.one_of(st.just(""), URLS)),
                username=draw(st.from_regex(r"([a-z][a-z0-9_]{4,15})?", fullmatch=True)),
                imported_notes=draw(st.lists(NOTE, max_size=2, unique_by=lambda n: n["text"])),
                links=[
                    {"contact_id": ids[i], "as": draw(st.sampled_from(["husband", "cofounder", "assistant"]))}
                    | draw(st.sampled_from([{}, {"side": "theirs"}]))  # "Son: Elias" as well as "Husband of Ana"
                    for i in linked
                ],
                archived_on=draw(st.one_of(st.just(""), days())),
                mentioned_on=draw(st.one_of(st.just(""), days())),
                created_at=(NOW - timedelta(days=index)).isoformat(timespec="seconds"),
            )
        )
    interactions = [
        Interaction(
            id=new_id(taken),
            contact_id=c.id,
            kind=draw(st.sampled_from(["met", "note", "gave", "got"])),
            text=draw(words(max_size=60)),
            on=draw(days()),
            at=NOW.isoformat(),
            context=draw(words()),
            way=draw(st.sampled_from(["", "Zoom call", "coffee", "email"])),
        )
        for c in contacts
        for _ in range(draw(st.integers(0, 2)))
    ]
    promises = [
        Promise(id=new_id(taken), contact_id=c.id, text=draw(some()), made_on=draw(days()))
        for c in contacts
        if draw(st.booleans())
    ]
    facts = [
        Fact(id=new_id(taken), contact_id=c.id, kind="interest", slots={"what": draw(some())}, on=draw(days()))
        for c in contacts
        if draw(st.booleans())
    ]
    return contacts, interactions, promises, facts


def imported(name: str, data: bytes):
    found = preview(read_file(name, data), [])
    assert found.notes == [], found.notes
    return plan_import(found.people, found.matches, {}, NOW)


def what_a_file_keeps(contact: Contact) -> dict:
    """Every field but the ones only the JSON backup carries (when the record was made, the Telegram id)."""
    kept = dataclasses.asdict(contact)
    for name in ("created_at", "telegram_id", "v"):
        kept.pop(name)
    return kept


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(notebooks())
def test_csv_and_vcards_give_back_every_field_of_every_person(notebook):
    contacts = notebook[0]
    for write, name in ((contacts_csv, "people.csv"), (contacts_vcf, "people.vcf")):
        planned = imported(name, write(contacts))
        back = sorted((what_a_file_keeps(c) for c in planned.new), key=lambda c: c["id"])
        assert back == sorted((what_a_file_keeps(c) for c in contacts), key=lambda c: c["id"]), name


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(notebooks())
def test_a_json_backup_restores_every_record_as_it_was(notebook):
    contacts, interactions, promises, facts = notebook
    backup = {
        "format": "nurture-notebook",
        "schema_version": SCHEMA_VERSION,
        "profile": {"user_id": 1},
        "contacts": [dataclasses.asdict(c) for c in contacts],
        "interactions": [dataclasses.asdict(i) for i in interactions],
        "promises": [dataclasses.asdict(p) for p in promises],
        "facts": [dataclasses.asdict(f) for f in facts],
    }
    planned = imported("nurture-notebook.json", orjson.dumps(backup))
    assert sorted(planned.new, key=lambda c: c.id) == sorted(contacts, key=lambda c: c.id)
    for kind, cls, originals in (
        ("interactions", Interaction, interactions),
        ("promises", Promise, promises),
        ("facts", Fact, facts),
    ):
        back = sorted((cls.from_dict(doc) for doc in planned.records[kind]), key=lambda r: r.id)
        assert back == sorted(originals, key=lambda r: r.id), kind


def test_a_backup_of_schema_3_restores_its_meetings_without_a_way():
    met = {"id": "a1b2c3d4e5f60718", "contact_id": "c1c2c3c4c5c6c7c8", "kind": "met", "text": "Met", "on": "2026-01-05",
           "at": "2026-01-05T10:00:00+00:00", "context": "PyCon", "v": 3}  # fmt: skip
    person = {"id": "c1c2c3c4c5c6c7c8", "name": "Ana Reyes", "v": 3}
    backup = {"format": "nurture-notebook", "schema_version": 3, "profile": {"user_id": 1}, "contacts": [person],
              "interactions": [met], "promises": [], "facts": []}  # fmt: skip
    planned = imported("nurture-notebook.json", orjson.dumps(backup))
    [back] = [Interaction.from_dict(doc) for doc in planned.records["interactions"]]
    assert back.context == "PyCon" and back.way == ""
