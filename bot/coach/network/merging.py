"""One person's details folded into another's record: what an import adds to someone already in the notebook, and
what /merge keeps of two records of the same person.

Nothing known is dropped: an empty field takes the other's value, lists are joined, phones, emails and links are
added with their labels, and a different name is kept as an alias. Where both have a value (two companies, two
birthdays) the record being kept wins, and the other value is not guessed into a field it may not belong to.
"""

from __future__ import annotations

import dataclasses

from bot.coach.network.incoming import add_value
from bot.coach.reading.names import fold
from bot.store.records import Contact

SINGLE_FIELDS = (
    "company", "role", "title", "birthday", "met_context", "met_on", "introduced_by", "introduced_by_id", "username",
    "linkedin", "website", "nickname",
)  # fmt: skip
LIST_FIELDS = ("interests", "wins", "needs", "offers", "tags", "aliases")
LABELLED_FIELDS = ("phones", "emails", "urls")


def copy_of(contact: Contact) -> Contact:
    """A copy whose lists and labelled values can change without touching the original."""
    copy = dataclasses.replace(contact)
    for name in (*LIST_FIELDS, *LABELLED_FIELDS, "links", "imported_notes"):
        setattr(copy, name, [dict(v) if isinstance(v, dict) else v for v in getattr(contact, name)])
    return copy


def fold_into(target: Contact, source: Contact) -> bool:
    """Add to ``target`` what ``source`` knows and it does not; True when anything changed."""
    changed = False
    for name in SINGLE_FIELDS:
        if not getattr(target, name) and getattr(source, name):
            setattr(target, name, getattr(source, name))
            changed = True
    if not target.telegram_id and source.telegram_id:
        target.telegram_id, changed = source.telegram_id, True
    for name in LIST_FIELDS:
        mine: list[str] = getattr(target, name)
        extra = [v for v in getattr(source, name) if v not in mine]
        if extra:
            mine.extend(extra)
            changed = True
    for name in LABELLED_FIELDS:
        mine_items: list[dict[str, str]] = getattr(target, name)
        before = len(mine_items)
        for item in getattr(source, name):
            add_value(mine_items, item["value"], item.get("label", ""))
        changed = changed or len(mine_items) != before
    for note in source.imported_notes:
        if note not in target.imported_notes:
            target.imported_notes.append(dict(note))
            changed = True
    for link in source.links:
        if link.get("contact_id") != target.id and link not in target.links:
            target.links.append(dict(link))
            changed = True
    known = {fold(n) for n in (target.name, *target.aliases)}
    for name in (source.name, *source.aliases):
        if name.strip() and fold(name) not in known:
            target.aliases.append(name)
            known.add(fold(name))
            changed = True
    if target.circle != source.circle and _closer(source.circle, target.circle):
        target.circle, changed = source.circle, True
    return changed


_CLOSENESS = {"inner": 0, "close": 1, "wider": 2}


def _closer(a: str, b: str) -> bool:
    """Whether circle ``a`` is closer than ``b``: an import never moves someone out to the wider circle."""
    return _CLOSENESS.get(a, 1) < _CLOSENESS.get(b, 1)
