"""Tidying the address book: /contacts in the order that matters, filters and pages, /find pages and actions,
/merge, /archive, and tags for many people at once."""

from __future__ import annotations

from datetime import timedelta

from tests.conftest import User

USER = 4242
LINKEDIN = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"


def contacts(store):
    return {c.name: c for c in store.notebook(USER).contacts()}


async def import_rows(user: User, rows: list[str]) -> None:
    await user.send_file("Connections.csv", (LINKEDIN + "".join(r + "\r\n" for r in rows)).encode())
    await user.tap(f"Import {len(rows)}")


async def test_someone_met_yesterday_comes_before_thousands_of_imported_connections(user: User, clock):
    await user.say("/met Ruth Park at the climbing gym")
    clock.set(clock.now() + timedelta(days=1))
    await import_rows(user, [f"Conn{n},Old,,,Acme,Engineer,0{1 + n % 9} Mar 2015" for n in range(45)])
    reply = await user.say("/contacts")
    assert "(46)" in reply and "page 1 of 5" in reply
    assert reply.index("Ruth Park") < reply.index("Conn")  # the one you met, above everyone imported since
    assert "connected" in reply  # imported people show the day you connected, a weaker touch


async def test_contacts_filters_by_circle_and_tag_and_pages_through_every_match(user: User, store):
    await user.say("/met Jane Doe at PyCon")
    await user.say("/circle Jane inner")
    await import_rows(user, [f"Dev{n},Ops,,,Acme,Engineer,01 Mar 2019" for n in range(23)])
    await user.say("/tag " + ", ".join(f"Dev{n} Ops" for n in range(23)) + ": devops")
    inner = await user.say("/contacts inner")
    assert "Your inner circle</b> (1)" in inner and "Jane Doe" in inner and "Dev" not in inner
    tagged = await user.say("/contacts #devops")
    assert "#devops</b>: 23 people - page 1 of 3" in tagged
    seen = set()
    for _ in range(3):
        seen |= {line for line in tagged.splitlines() if "Dev" in line}
        if "Older" not in " ".join(label for label, _ in user.buttons):
            break
        tagged = await user.tap("Older")
        assert "#devops" in tagged  # the filter holds on every page
    assert len(seen) == 23


async def test_find_counts_everyone_and_pages_and_finds_emails_and_phones(user: User, store):
    await import_rows(user, [f"G{n},Person,,g{n}@google.example,Google,Engineer,01 Mar 2019" for n in range(25)])
    reply = await user.say("/find google")
    assert "<b>google</b>: 25 people - page 1 of 3" in reply
    page2 = await user.tap("More")
    assert "page 2 of 3" in page2
    assert "G7 Person" in await user.say("/find g7@google.example")


async def test_tag_or_archive_everyone_a_find_found(user: User, store):
    lawyers = [f"L{n},Lawyer,,,Firm,Lawyer,01 Mar 2019" for n in range(3)]
    await import_rows(user, [*lawyers, "Ann,Other,,,,,01 Mar 2019"])
    await user.say("/find lawyer")
    assert "Which tag for these 3 people" in await user.tap("Tag all 3")
    assert "3 people tagged #legal" in await user.say("legal")
    assert sorted(n for n, c in contacts(store).items() if "legal" in c.tags) == ["L0 Lawyer", "L1 Lawyer", "L2 Lawyer"]
    await user.say("/find lawyer")
    assert "Archived 3 people" in await user.tap("Archive all 3")
    undo = next(data for label, data in user.buttons if "Undo" in label)
    assert "Lawyer" not in await user.say("/contacts")
    assert "3 people" in await user.say("/find lawyer")  # still found
    assert "Back" in await user.press(undo)
    assert "L0 Lawyer" in await user.say("/contacts")


async def test_archive_takes_someone_out_of_mornings_lists_and_the_map_and_can_be_undone(user: User, store, clock):
    await user.say("/met Jane Doe at PyCon, promised to send her the deck by tomorrow")
    await user.say("/met Sam Lee at PyCon")
    reply = await user.say("/archive Jane")
    assert "Archived <b>Jane Doe</b>" in reply
    assert contacts(store)["Jane Doe"].archived_on == "2026-11-22"
    assert "Jane" not in await user.say("/contacts")
    assert "Jane Doe" in await user.say("/contacts archived")
    assert "Jane Doe" in await user.say("/find pycon")
    assert "Jane" not in await user.morning(clock, 1)
    assert "archived" in await user.say("/contact Jane")
    assert "Jane Doe" in await user.say("/unarchive Jane")
    assert "Jane" in await user.say("/contacts")
    assert "Jane" in await user.morning(clock, 2)


async def test_merge_shows_both_then_keeps_both_names_and_every_entry(user: User, store):
    await user.say("/met Olga Ivanova from Yandex at PyCon, loves chess")
    asked = await user.say("/met Ольга Иванова at the Moscow meetup, promised to send her the paper")
    if "No, a new" in " ".join(label for label, _ in user.buttons):  # the same name in another alphabet: asked
        assert "Ольга" in asked
        await user.tap("No, a new")
    await user.say("/met Tom at the meetup")
    notebook = store.notebook(USER)
    tom = contacts(store)["Tom"]
    tom.introduced_by_id = contacts(store)["Ольга Иванова"].id  # Tom came through the second record
    notebook.save_contact(tom)
    reply = await user.say("/merge Olga Ivanova, Ольга Иванова")
    assert "One person, two records?" in reply and "1. Olga Ivanova" in reply and "2. Ольга Иванова" in reply
    assert len(contacts(store)) == 3  # nothing merged before the tap
    done = await user.tap("Merge into Olga Ivanova")
    assert "Merged" in done and "Ольга Иванова" in done
    people = contacts(store)
    assert sorted(people) == ["Olga Ivanova", "Tom"]
    olga = people["Olga Ivanova"]
    assert (olga.aliases, olga.company) == (["Ольга Иванова"], "Yandex")
    notebook = store.notebook(USER)
    assert len(notebook.interactions(olga.id)) == 2 and len(notebook.promises(olga.id)) == 1
    assert people["Tom"].introduced_by_id == olga.id
    card = await user.say("/contact Olga")
    assert "the Moscow meetup" in card and "send her the paper" in card and "chess" in card


async def test_keep_both_merges_nothing(user: User, store):
    await user.say("/met Jane Doe at PyCon")
    await user.say("/met Jane Roe at the meetup")
    await user.say("/merge Jane Doe, Jane Roe")
    assert "Kept both" in await user.tap("Keep both")
    assert sorted(contacts(store)) == ["Jane Doe", "Jane Roe"]


async def test_tag_several_people_at_once(user: User, store):
    for name in ("Jane", "Sam", "Petra"):
        await user.say(f"/met {name} at the design meetup")
    assert "3 people tagged #designers" in await user.say("/tag Jane, Sam, Petra: designers")
    assert all(c.tags == ["designers"] for c in contacts(store).values())


async def test_people_named_among_tags_get_the_bulk_form_as_a_hint(user: User, store):
    for name in ("Jane", "Sam", "Petra"):
        await user.say(f"/met {name} at the design meetup")
    reply = await user.say("/tag Jane Sam Petra designers")
    assert "/tag Jane, Sam, Petra: designers" in reply
    assert all(c.tags == [] for c in contacts(store).values())  # nobody tagged #sam or #petra
