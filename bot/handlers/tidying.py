"""/merge, /archive, /unarchive and tags for many people: tidying the address book (the rules: coach/network/tidy.py).

"/merge Jane Doe, J. Doe" shows both records side by side and merges on a tap; "/archive Jane" takes Jane out of the
mornings, /contacts and the map, with "↩️ Undo"; "/tag Jane, Sam, Petra: designers" tags three people; a /find's
"🏷 Tag all" asks for the tag and takes the next message as the answer (for a few minutes).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from telegram import Update

from bot.callbacks import button, pressed
from bot.coach.errors import NotUnderstood
from bot.coach.journal.reminders import apply_tags, read_tags
from bot.coach.network.tidy import archive, merge_contacts, split_people, unarchive
from bot.coach.reading.names import fold, names_of, resolve, split_name_and_rest
from bot.context import Context, local_today
from bot.handlers.choices import BY_ID, Core, Resumer, resolve_or_ask, resume_with
from bot.handlers.guard import for_user
from bot.handlers.words import command_text
from bot.rendering import render
from bot.sending import reply
from bot.store.notebook import Notebook
from bot.store.records import Contact

ARCHIVED = "archived"  # pending action: the people one /archive archived, for its "↩️ Undo"
AWAITING_TAG = "awaiting_tag"  # notebook state while "🏷 Tag all" waits for the tag
TAG_MINUTES = 10
MAX_AT_ONCE = 5000  # people one bulk action may touch (a /find of everyone)
MERGE_HINT = "Name the two records of one person: /merge Jane Doe, J. Doe"


# -- /merge --------------------------------------------------------------------------------------------------------


@for_user
async def merge_command(update: Update, context: Context, notebook: Notebook) -> None:
    text = command_text(update)
    names = split_people(text)
    if len(names) == 1:  # "/merge Olga Ольга": the first name someone has, and the rest
        first, rest = split_name_and_rest(notebook.contacts(), text)
        names = [first, rest] if rest else names
    if len(names) != 2:
        raise NotUnderstood(MERGE_HINT)
    await merge_people(update, context, notebook, first=names[0], second=names[1])


async def merge_people(
    update: Update, context: Context, notebook: Notebook, *, first: str, second: str
) -> None:
    first, second = (_exactly(notebook, name) for name in (first, second))
    args = {"first": first, "second": second}
    keep = await resolve_or_ask(update, context, notebook, first, "merge", args, "first")
    if keep is None:
        return
    args["first"] = BY_ID + keep.id
    gone = await resolve_or_ask(update, context, notebook, second, "merge", args, "second")
    if gone is None:
        return
    if gone.id == keep.id:
        raise NotUnderstood(f"{keep.name} is one record already. {MERGE_HINT}")
    sides = [_side(notebook, c) for c in (keep, gone)]
    await reply(
        update,
        context,
        render("messages/merge_confirm.html", sides=sides, keep=keep, gone=gone),
        [[(f"🔗 Merge into {keep.name[:30]}", button("merge", keep.id, gone.id, "yes")),
          ("Keep both", button("merge", keep.id, gone.id, "no"))]],
    )  # fmt: skip


def _exactly(notebook: Notebook, name: str) -> str:
    """The one contact whose name is exactly ``name`` (case aside), as a settled slot; else the name as typed.
    "/merge Olga Ivanova, Ольга Иванова" names two people whom spelling alone tells apart."""
    if name.startswith(BY_ID):
        return name
    exact = [c for c in notebook.contacts() if c.name.casefold() == name.strip().casefold()]
    return BY_ID + exact[0].id if len(exact) == 1 else name


def _side(notebook: Notebook, contact: Contact) -> dict[str, object]:
    return {
        "contact": contact,
        "entries": len(notebook.interactions(contact.id)),
        "open": sum(1 for p in notebook.promises(contact.id) if p.is_open),
        "facts": len(notebook.facts(contact.id)),
    }


@for_user
async def on_merge(update: Update, context: Context, notebook: Notebook) -> None:
    query, data = pressed(update)
    keep = notebook.contact(data.args[0]) if data else None
    gone = notebook.contact(data.args[1]) if data else None
    if data is None or keep is None or gone is None:
        await query.answer(render("messages/expired.txt"), show_alert=True)
        return
    await query.answer()
    if data.args[2] == "yes":
        merged = merge_contacts(notebook, keep, gone)
        text = render("messages/merged.html", merged=merged, gone=gone)
    else:
        text = render("messages/merge_kept.html", keep=keep, gone=gone)
    await query.edit_message_text(text)


# -- /archive, /unarchive ------------------------------------------------------------------------------------------


@for_user
async def archive_command(update: Update, context: Context, notebook: Notebook) -> None:
    names = split_people(command_text(update))
    if not names:
        raise NotUnderstood("Who? /archive Jane - or several: /archive Jane, Sam")
    await archive_named(update, context, notebook, names=names)


async def archive_named(
    update: Update, context: Context, notebook: Notebook, *, names: list[str]
) -> None:
    people = await _resolve_all(update, context, notebook, names, "archive")
    if people is not None:
        await archive_people(update, context, notebook, people)


async def _resolve_all(
    update: Update,
    context: Context,
    notebook: Notebook,
    names: list[str],
    action: str,
    **more: str,
) -> list[Contact] | None:
    """Everyone named, or None after asking about the first name that is not certain (the action resumes on the tap,
    with that name settled)."""
    people: list[Contact] = []
    for index, name in enumerate(names):
        args = {"names": names, **more}
        contact = await resolve_or_ask(update, context, notebook, name, action, args, str(index))
        if contact is None:
            return None
        names = [*names[:index], BY_ID + contact.id, *names[index + 1 :]]
        if contact not in people:
            people.append(contact)
    return people


def _resume_names(core: Core) -> Resumer:
    """A resumer for an action on several named people: the tapped contact settles the name in question."""

    async def resume(
        update: Update, context: Context, notebook: Notebook, payload: dict[str, Any], choice: str
    ) -> None:
        args = dict(payload["args"])
        args["names"] = list(args["names"])
        args["names"][int(payload["slot"])] = BY_ID + choice
        await core(update, context, notebook, **args)

    return resume


async def archive_people(
    update: Update, context: Context, notebook: Notebook, people: list[Contact]
) -> None:
    _, today = local_today(context, notebook)
    people = people[:MAX_AT_ONCE]
    changed = archive(notebook, people, today)
    token = notebook.put_pending(ARCHIVED, {"ids": [c.id for c in changed]}) if changed else ""
    buttons = [[("↩️ Undo", button("unarchive", token))]] if token else []
    await reply(update, context, render("messages/archived.html", people=people, changed=len(changed)), buttons)


@for_user
async def unarchive_command(update: Update, context: Context, notebook: Notebook) -> None:
    names = split_people(command_text(update))
    if not names:
        raise NotUnderstood("Who? /unarchive Jane - /contacts archived lists everyone archived")
    await unarchive_named(update, context, notebook, names=names)


async def unarchive_named(
    update: Update, context: Context, notebook: Notebook, *, names: list[str]
) -> None:
    people = await _resolve_all(update, context, notebook, names, "unarchive")
    if people is not None:
        unarchive(notebook, people)
        await reply(update, context, render("messages/unarchived.html", people=people))


@for_user
async def on_unarchive(update: Update, context: Context, notebook: Notebook) -> None:
    query, data = pressed(update)
    pending = notebook.peek_pending(data.args[0]) if data else None
    if data is None or pending is None or pending.get("action") != ARCHIVED:
        await query.answer(render("messages/expired.txt"), show_alert=True)
        return
    await query.answer()
    people = [c for c in (notebook.contact(i) for i in pending["payload"]["ids"]) if c is not None]
    with notebook.batch():
        unarchive(notebook, people)
        notebook.pop_pending(data.args[0])
    await query.edit_message_text(render("messages/unarchived.html", people=people))


# -- tags for many -------------------------------------------------------------------------------------------------


def bulk_tags(text: str) -> tuple[list[str], str] | None:
    """ "Jane, Sam, Petra: designers" -> the names and the tags; None when ``text`` is not that form."""
    if ":" not in text:
        return None
    names, tags = text.split(":", 1)
    people = split_people(names)
    return (people, tags) if people and (read_tags(tags).add or read_tags(tags).remove) else None


def names_among_tags(notebook: Notebook, tags: str) -> list[str]:
    """Tags that are people's names: "/tag Jane Sam Petra designers" meant three people, not #sam and #petra."""
    index = names_of(notebook)
    found = []
    for tag in read_tags(tags).add:
        match = resolve(index, tag, fuzzy=False).contact
        if match is not None and fold(tag) in (fold(match.first_name), fold(match.name)):
            found.append(match.first_name)
    return found


async def tag_named(
    update: Update, context: Context, notebook: Notebook, *, names: list[str], tags: str = ""
) -> None:
    people = await _resolve_all(update, context, notebook, names, "tagmany", tags=tags)
    if people is not None:
        await tag_people(update, context, notebook, people, tags)


async def tag_people(
    update: Update, context: Context, notebook: Notebook, people: list[Contact], tags: str
) -> None:
    change = read_tags(tags)
    with notebook.batch():
        for contact in people[:MAX_AT_ONCE]:
            apply_tags(contact, change)
            notebook.save_contact(contact)
    await reply(update, context, render("messages/tagged_many.html", people=people, change=change))


async def ask_tag_for(
    update: Update, context: Context, notebook: Notebook, ids: list[str], query: str
) -> None:
    """ "🏷 Tag all": the next message is the tag (within a few minutes)."""
    now, _ = local_today(context, notebook)
    until = (now + timedelta(minutes=TAG_MINUTES)).isoformat()
    notebook.set_state(AWAITING_TAG, {"ids": ids[:MAX_AT_ONCE], "until": until})
    await reply(update, context, render("messages/tag_which.html", count=len(ids), query=query))


async def apply_awaited_tag(update: Update, context: Context, notebook: Notebook, text: str) -> bool:
    """The answer to "🏷 Tag all": tag everyone found. False when no tag is waiting (or it waited too long)."""
    waiting = notebook.get_state(AWAITING_TAG)
    if not waiting:
        return False
    now, _ = local_today(context, notebook)
    notebook.set_state(AWAITING_TAG, None)
    if now > datetime.fromisoformat(waiting["until"]) or not read_tags(text).add or len(text.split()) > 5:
        return False
    people = [c for c in (notebook.contact(i) for i in waiting["ids"]) if c is not None]
    await tag_people(update, context, notebook, people, text)
    return True


RESUMERS = {
    "merge": resume_with(merge_people),
    "archive": _resume_names(archive_named),
    "unarchive": _resume_names(unarchive_named),
    "tagmany": _resume_names(tag_named),
}
