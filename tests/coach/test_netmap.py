"""The network map: ties, clusters named by what they share, hubs, bridges, going cold, goal gaps, the picture."""

from __future__ import annotations

from datetime import date

import pytest

from bot.coach.network.picture import MAX_PEOPLE_DRAWN, draw_map, drawn_members
from bot.coach.network.shape import ALONE, build_graph, goal_theme, map_network
from bot.store.records import Contact, Interaction, Profile
from testkit.networks import generated_network

TODAY = date(2026, 11, 22)
PNG = b"\x89PNG\r\n\x1a\n"


def person(cid: str, name: str, **fields) -> Contact:
    return Contact(id=cid, name=name, **fields)


def test_every_kind_of_tie_links_people():
    people = [
        person("a", "Sam Hub"),
        person("b", "Jane", introduced_by_id="a"),
        person("c", "Tom", met_context="PyCon 2026"),
        person("d", "Ana", met_context="pycon 2026"),
        person("e", "Raj", company="Acme"),
        person("f", "Lea", company="ACME"),
        person("g", "Max", links=[{"contact_id": "a", "as": "husband"}]),
        person("h", "Uma"),
        person("i", "Zoe"),
    ]
    made = [Interaction(id="x", contact_id="h", kind="gave", text="introduced to Zoe")]
    graph = build_graph(people, made)
    assert graph["b"]["a"]["kinds"] == {"introduced"}
    assert graph["c"]["d"]["kinds"] == {"event"}  # the same event, however it was capitalised
    assert graph["e"]["f"]["kinds"] == {"company"}
    assert graph["g"]["a"]["kinds"] == {"link"}
    assert graph["h"]["i"]["kinds"] == {"intro_made"}


def test_clusters_are_named_by_what_their_people_share():
    people = [person(f"f{n}", f"Fin {n}", tags=["fintech"]) for n in range(12)]
    people += [person(f"s{n}", f"School {n}", met_context="the school gate") for n in range(5)]
    people += [person("z", "Zed")]
    netmap = map_network(people, [], TODAY)
    assert [(c.name, len(c.members)) for c in netmap.clusters] == [
        ("fintech", 12),
        ("the school gate", 5),
        (ALONE, 1),
    ]


def test_a_big_company_stays_one_cluster():
    people = [person(f"{n:04d}", f"Person {n}", company="Acme") for n in range(300)]
    netmap = map_network(people, [], TODAY)
    assert [(c.name, len(c.members)) for c in netmap.clusters] == [("Acme", 300)]
    assert netmap.graph.number_of_edges() < 300 * 4  # a sparse web, not 44,850 lines


def test_hubs_are_who_brought_you_the_most_people_and_bridges_link_two_clusters():
    people = [person("sam", "Sam")]
    people += [person(f"a{n}", f"Acme {n}", company="Acme", introduced_by_id="sam") for n in range(4)]
    people += [person(f"b{n}", f"Book {n}", met_context="the book club") for n in range(4)]
    people.append(person("bea", "Bea", met_context="the book club", company="Acme"))
    netmap = map_network(people, [], TODAY)
    assert netmap.hubs[0].name == "Sam" and netmap.hubs[0].brought == 4
    assert [b.name for b in netmap.bridges] == ["Bea"]


def test_going_cold_are_real_ties_past_their_rhythm_not_imported_strangers():
    old = "2026-05-01"
    timeline = [Interaction(id=f"i{n}", contact_id="jane", kind="note", on=old, text="x") for n in range(3)]
    people = [
        person("jane", "Jane", circle="close", met_on="2026-01-01"),
        person("lin", "Lin", circle="wider", met_on="2019-03-01"),  # imported, never talked to
        person("new", "Ned", circle="close", met_on="2026-11-20"),
    ]
    assert map_network(people, timeline, TODAY).cold == ["Jane"]


def test_goal_gaps_count_the_people_who_touch_the_goal():
    people = [person("a", "Ana", tags=["climate"]), person("b", "Ben", company="Fintech Co")]
    profile = Profile(user_id=1, goals=[{"text": "a job in climate tech", "by": "", "done_on": ""}])
    [gap] = map_network(people, [], TODAY, profile).gaps
    assert goal_theme("a job in climate tech") == ["climate", "tech"]
    assert (gap.people, gap.introducers) == (1, ["Ana"])  # "tech" is not found inside "fintech"


@pytest.mark.parametrize("size", [0, 1, 2, 50, 500])
def test_the_map_is_drawn_for_generated_networks(size):
    sample = generated_network(size)
    netmap = map_network(sample.contacts, sample.interactions, sample.today, sample.profile)
    assert netmap.size == size
    assert sum(len(c.members) for c in netmap.clusters) == size  # everyone is somewhere, once
    picture = draw_map(netmap)
    if size == 0:
        assert picture is None
    else:
        assert picture is not None and picture.startswith(PNG)
    if size >= 50:
        assert netmap.hubs and len([c for c in netmap.clusters if not c.grouped]) >= 3


@pytest.mark.parametrize("size", [MAX_PEOPLE_DRAWN + 200, 5000])
def test_past_the_limit_loners_and_small_clusters_are_bubbles_and_big_ones_show_their_strongest(size):
    sample = generated_network(size, seed=3)
    netmap = map_network(sample.contacts, sample.interactions, sample.today)
    shown = drawn_members(netmap)
    assert sum(len(members) for members in shown.values()) <= MAX_PEOPLE_DRAWN
    assert all(shown[i] == [] for i, c in enumerate(netmap.clusters) if c.grouped)
    biggest = shown[0]
    assert biggest == netmap.clusters[0].members[: len(biggest)]  # the strongest ties of the cluster
    assert draw_map(netmap).startswith(PNG)


def test_thousands_of_people_with_nothing_in_common_are_one_bubble():
    people = [person(f"{n:05d}", f"Person {n}") for n in range(MAX_PEOPLE_DRAWN + 1)]
    netmap = map_network(people, [], TODAY)
    assert drawn_members(netmap) == {0: []}
    assert draw_map(netmap).startswith(PNG)
