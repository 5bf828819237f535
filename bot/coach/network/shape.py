"""The shape of a network (principle 9): who connects to whom, its clusters, hubs, bridges and gaps.

People are linked by what really ties them: an introduction, a shared event (the same ``met_context``), the same
company, a link the user named ("cofounder"), a shared tag, and the introductions the user made. The graph is
pure data (networkx); ``bot/coach/network/picture.py`` draws it. Everything here is deterministic for the same
notebook, so the same network always gives the same map and the same words.
"""

from __future__ import annotations

import random
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from bot.coach.planning.goals import focus_of, gap_words, open_goals, why_they_can_help
from bot.coach.planning.strength import TieStrength, tie_strength
from bot.coach.reading.names import fold
from bot.store.records import CIRCLE_CADENCE_DAYS, DEFAULT_CIRCLE, Contact, Interaction, Profile

if TYPE_CHECKING:  # networkx is imported where a map is made: starting the bot does not pay for it
    import networkx as nx

# Edge weights: how much each kind of tie says about two people knowing each other.
TIE_WEIGHTS = {"link": 4.0, "introduced": 3.0, "intro_made": 3.0, "event": 2.0, "company": 2.0, "tag": 1.0}
# A group sharing one thing (a 300-person company) is wired as a sparse web rather than a clique: community
# detection still sees it as one dense group, and the picture does not drown in tens of thousands of lines.
CLIQUE_UP_TO = 8
GROUP_PARTNERS = 3
MAX_CLUSTERS = 12  # coloured clusters on the picture; the smallest beyond this are grouped as "others"
MIN_CLUSTER = 2  # a "cluster" of one is just someone on their own
MAX_HUBS = 5
MAX_COLD = 5
MAX_BRIDGES = 3
OTHERS = "others"
ALONE = "on their own"
INTRODUCED_TO = re.compile(r"^introduced to (.+)$", re.IGNORECASE)
# Words that say nothing about a field or a place when reading a goal ("find a job in fintech").
_GOAL_STOPWORDS = frozenset(
    """a an the in into to at of for on and or my our me i with by from as be become get find land raise make
    move more new job jobs role work working career switch change start build grow meet people someone contacts
    want need would like this next year month week quarter""".split()  # noqa: SIM905 - a paragraph of words
)


StrengthOf = Callable[[Contact, Sequence[Interaction], date], TieStrength]


class Person(NamedTuple):
    id: str
    name: str
    strength: float
    cluster: int  # index into NetworkMap.clusters


class Cluster(NamedTuple):
    name: str  # what its people share: "fintech", "Acme", "PyCon", "via Sam"
    members: list[str]  # contact ids, strongest first
    grouped: bool = False  # "others" or "on their own": several small clusters drawn as one


class Hub(NamedTuple):
    id: str
    name: str
    brought: int  # people they introduced you to
    links: int  # people they are tied to on the map


class Bridge(NamedTuple):
    id: str
    name: str
    between: tuple[str, str]  # cluster names


class Gap(NamedTuple):
    goal: str
    need: str  # who the goal needs, as in "someone who {need}": "works at a fintech", "invests"
    people: int  # how many people in the notebook are such a person
    introducers: list[str]  # who could introduce you further (names)


@dataclass
class NetworkMap:
    graph: nx.Graph
    people: dict[str, Person]
    clusters: list[Cluster]
    hubs: list[Hub]
    bridges: list[Bridge]
    cold: list[str]  # names of people going cold, the strongest ties first
    gaps: list[Gap] = field(default_factory=list)

    @property
    def size(self) -> int:
        return len(self.people)


def build_graph(contacts: Sequence[Contact], interactions: Iterable[Interaction]) -> nx.Graph:
    """People as nodes, every kind of tie as a weighted edge (several ties between two people add up)."""
    import networkx as nx

    graph = nx.Graph()
    by_id = {c.id: c for c in contacts}
    for contact in contacts:
        graph.add_node(contact.id)

    def tie(a: str, b: str, kind: str) -> None:
        if a == b or a not in by_id or b not in by_id:
            return
        if graph.has_edge(a, b):
            graph[a][b]["weight"] += TIE_WEIGHTS[kind]
            graph[a][b]["kinds"].add(kind)
        else:
            graph.add_edge(a, b, weight=TIE_WEIGHTS[kind], kinds={kind})

    for contact in contacts:
        if contact.introduced_by_id:
            tie(contact.id, contact.introduced_by_id, "introduced")
        for link in contact.links:
            tie(contact.id, link.get("contact_id", ""), "link")

    by_name = {fold(c.name): c.id for c in contacts}
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for contact in contacts:
        if contact.met_context.strip():
            groups[("event", fold(contact.met_context))].append(contact.id)
        if contact.company.strip():
            groups[("company", fold(contact.company))].append(contact.id)
        for tag in contact.tags:
            groups[("tag", tag)].append(contact.id)
    for item in interactions:
        if item.kind == "met" and item.context.strip():
            groups[("event", fold(item.context))].append(item.contact_id)
        elif item.kind == "gave" and (made := INTRODUCED_TO.match(item.text.strip())):
            for other in re.split(r",\s*|\s+and\s+", made.group(1)):
                other_id = by_name.get(fold(other))
                if other_id:
                    tie(item.contact_id, other_id, "intro_made")
    for (kind, _), members in groups.items():
        members = sorted(set(members))
        if len(members) <= CLIQUE_UP_TO:
            for i, a in enumerate(members):
                for b in members[i + 1 :]:
                    tie(a, b, kind)
        else:
            # A few partners each, drawn at random but the same every time: an expander-like web with no
            # natural cut, so the group stays one community, at a few edges per person.
            rng = random.Random("\x1f".join(members[:3]) + kind)
            for a in members:
                for b in rng.sample(members, GROUP_PARTNERS):
                    tie(a, b, kind)
    return graph


def map_network(
    contacts: Sequence[Contact],
    interactions: Sequence[Interaction],
    today: date,
    profile: Profile | None = None,
    strength_of: StrengthOf = tie_strength,
) -> NetworkMap:
    """The whole picture in data: clusters named by what they share, hubs, bridges, who is going cold, goal gaps."""
    graph = build_graph(contacts, interactions)
    by_id = {c.id: c for c in contacts}
    timelines: dict[str, list[Interaction]] = defaultdict(list)
    for item in interactions:
        timelines[item.contact_id].append(item)
    strength = {c.id: strength_of(c, timelines[c.id], today) for c in contacts}

    clusters = _clusters(graph, by_id, {cid: s.score for cid, s in strength.items()})
    cluster_of = {cid: index for index, cluster in enumerate(clusters) for cid in cluster.members}
    people = {c.id: Person(c.id, c.name, strength[c.id].score, cluster_of[c.id]) for c in contacts}
    return NetworkMap(
        graph=graph,
        people=people,
        clusters=clusters,
        hubs=_hubs(graph, contacts),
        bridges=_bridges(graph, clusters, cluster_of, by_id),
        cold=_going_cold(contacts, timelines, strength, today),
        gaps=_gaps(profile, contacts, graph, by_id) if profile else [],
    )


def _clusters(graph: nx.Graph, by_id: dict[str, Contact], score: dict[str, float]) -> list[Cluster]:
    """Communities of the tie graph (Louvain, seeded: the same network always splits the same way), named by what
    their people share, biggest first; beyond MAX_CLUSTERS the smallest are grouped, and loners sit together."""
    import networkx as nx

    linked = graph.subgraph([n for n in graph if graph.degree(n) > 0])
    communities: list[set[str]] = []
    if linked.number_of_nodes():
        communities = [set(c) for c in nx.community.louvain_communities(linked, weight="weight", seed=7)]
    # Louvain may cut one big group (a large company) in pieces; pieces that share the same thing are one cluster.
    merged: dict[str, set[str]] = {}
    for community in communities:
        if len(community) >= MIN_CLUSTER:
            merged.setdefault(_shared_by([by_id[cid] for cid in community]), set()).update(community)
    ranked = sorted(merged.items(), key=lambda item: (-len(item[1]), min(item[1])))
    named = ranked[:MAX_CLUSTERS]
    in_named = {cid for _, members in named for cid in members}
    rest = [n for n in linked if n not in in_named]
    alone = [n for n in graph if graph.degree(n) == 0]

    def strongest_first(ids: Iterable[str]) -> list[str]:
        return sorted(ids, key=lambda cid: (-score[cid], by_id[cid].name, cid))

    clusters = [Cluster(name, strongest_first(members)) for name, members in named]
    if rest:
        clusters.append(Cluster(OTHERS, strongest_first(rest), grouped=True))
    if alone:
        clusters.append(Cluster(ALONE, strongest_first(alone), grouped=True))
    return clusters


def _shared_by(people: Sequence[Contact]) -> str:
    """What most of a cluster's people have in common, in the user's words: a tag, a company, an event, an
    introducer ("via Sam"). Ties go to the more specific kind, in that order."""
    counts: Counter[tuple[int, str]] = Counter()
    shown: dict[tuple[int, str], str] = {}
    by_id = {c.id: c for c in people}
    for person in people:
        seen: set[tuple[int, str]] = set()
        values = [(0, t, t) for t in person.tags]
        values += [(1, fold(person.company), person.company.strip())] if person.company.strip() else []
        values += [(2, fold(person.met_context), person.met_context.strip())] if person.met_context.strip() else []
        if person.introduced_by_id:
            introducer = by_id.get(person.introduced_by_id)
            first = introducer.first_name if introducer else person.introduced_by.split(" ")[0]
            values.append((3, person.introduced_by_id, f"via {first}"))
        for rank, key, words in values:
            if (rank, key) not in seen and words:
                seen.add((rank, key))
                counts[(rank, key)] += 1
                shown.setdefault((rank, key), words)
    # The introducer of a cluster is usually inside it and not "via" themselves: count them in.
    for (rank, key), _ in list(counts.items()):
        if rank == 3 and key in by_id:
            counts[(rank, key)] += 1
    if not counts:  # nothing that ties them is shared by two of them: say what they have in common at least
        interests = Counter(i.strip() for person in people for i in {*person.interests} if i.strip())
        return interests.most_common(1)[0][0] if interests else "linked"
    (rank, key), _ = max(counts.items(), key=lambda item: (item[1], -item[0][0], item[0][1]))
    return shown[(rank, key)]


def _hubs(graph: nx.Graph, contacts: Sequence[Contact]) -> list[Hub]:
    """Who brought you the most people, then who ties the most of your people together (principle 9: the
    best-connected, rarely the most senior)."""
    brought = Counter(c.introduced_by_id for c in contacts if c.introduced_by_id)
    degrees = sorted(d for _, d in graph.degree() if d)
    # Tied to many more people than most are: everyone at a ten-person company has nine ties, none is a hub.
    enough = max(5, 2 * degrees[len(degrees) // 2]) if degrees else 5
    ranked = sorted(
        (c for c in contacts if brought[c.id] >= 2 or graph.degree(c.id) >= enough),
        key=lambda c: (-brought[c.id], -graph.degree(c.id), c.name),
    )
    return [Hub(c.id, c.name, brought[c.id], graph.degree(c.id)) for c in ranked[:MAX_HUBS]]


def _bridges(
    graph: nx.Graph, clusters: list[Cluster], cluster_of: dict[str, int], by_id: dict[str, Contact]
) -> list[Bridge]:
    """The one person linking two clusters: every tie between the two goes through them."""
    crossing: dict[tuple[int, int], list[tuple[str, str]]] = defaultdict(list)
    for a, b in graph.edges():
        ca, cb = cluster_of[a], cluster_of[b]
        if ca != cb and not clusters[ca].grouped and not clusters[cb].grouped:
            key = (ca, cb) if ca < cb else (cb, ca)
            crossing[key].append((a, b))
    found: list[Bridge] = []
    for (ca, cb), edges in sorted(crossing.items()):
        common = set(edges[0]).intersection(*map(set, edges[1:]))
        if len(common) == 1:
            (person,) = common
            found.append(Bridge(person, by_id[person].name, (clusters[ca].name, clusters[cb].name)))
    found.sort(key=lambda b: (-graph.degree(b.id), b.name))
    return found[:MAX_BRIDGES]


def _going_cold(
    contacts: Sequence[Contact],
    timelines: dict[str, list[Interaction]],
    strength: dict[str, TieStrength],
    today: date,
) -> list[str]:
    """People you really had a tie with who are now past their circle's rhythm; an imported connection never
    talked to is not "going cold", it never was warm."""
    cold = []
    for contact in contacts:
        timeline = timelines[contact.id]
        if contact.circle == "wider" and len(timeline) < 2:
            continue
        last = max((i.on for i in timeline if i.on), default="") or contact.met_on
        if not last:
            continue
        cadence = CIRCLE_CADENCE_DAYS.get(contact.circle, CIRCLE_CADENCE_DAYS[DEFAULT_CIRCLE])
        if (today - date.fromisoformat(last)).days > cadence and strength[contact.id].label != "strong":
            cold.append((len(timeline), contact.name))
    cold.sort(key=lambda item: (-item[0], item[1]))
    return [name for _, name in cold[:MAX_COLD]]


def goal_theme(goal_text: str) -> list[str]:
    """The words of a goal that say what field, place or kind of person it needs: "a job in fintech" -> fintech."""
    words = re.findall(r"[\w+#-]+", goal_text.lower())
    return [w for w in words if w not in _GOAL_STOPWORDS and len(w) > 1 and not w.isdigit()]


def _gaps(profile: Profile, contacts: Sequence[Contact], graph: nx.Graph, by_id: dict[str, Contact]) -> list[Gap]:
    """For each open goal, how many people could help with it (the planner's own reading of goals, goals.py), and
    who could introduce you further: the best-connected of them."""
    gaps = []
    for goal in open_goals(profile.goals):
        text = goal.get("text", "").strip()
        focus = focus_of(text)
        need = gap_words(focus)
        if need:
            helpers = [c for c in contacts if why_they_can_help(_row_of(c), focus)]
        else:  # a goal the planner has no kind for: look its own words up
            theme = goal_theme(text)
            if not theme:
                continue
            need = "knows about " + " ".join(theme)
            helpers = [c for c in contacts if not _about(c).isdisjoint(theme)]
        introducers = sorted(helpers, key=lambda c: (-graph.degree(c.id), c.name))[:3]
        gaps.append(Gap(text, need, len(helpers), [c.name for c in introducers]))
    return gaps


def _row_of(contact: Contact) -> dict[str, object]:
    """The fields goals.why_they_can_help reads, as the planner's digest row has them."""
    return {"company": contact.company, "role": contact.role, "tags": contact.tags, "offers": contact.offers}


def _about(contact: Contact) -> set[str]:
    """The words of everything a contact is known for, folded, to look a goal's words up in."""
    parts = [contact.company, contact.role, contact.met_context, *contact.tags, *contact.interests, *contact.offers]
    return set(re.findall(r"[\w+#-]+", fold(" ".join(parts))))
