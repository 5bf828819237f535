"""Drawing a NetworkMap as a PNG: clusters as coloured islands, people sized by tie strength, hubs named.

Matplotlib is used through its object API with the Agg canvas (``Figure`` + ``FigureCanvasAgg``), never pyplot:
no display is needed or looked for, no global figure state is shared between two maps drawn at once, and the
backend cannot be changed by the environment. Imported lazily, so starting the bot does not pay for it.

Layout, chosen for readability at hundreds of people: each cluster gets a disc whose area grows with its size;
discs are placed by a small force layout of the clusters (clusters that share ties sit near each other) and then
pushed apart until none overlap; inside a disc, people are laid out by their own ties (a force layout) or, for
big or tie-less groups, on a sunflower spiral with the strongest ties at the centre. Past ``MAX_PEOPLE_DRAWN``,
the smallest clusters are drawn as one bubble each ("on their own: 240").
"""

from __future__ import annotations

import io
import math
from typing import NamedTuple

import networkx as nx
import numpy as np

from bot.coach.network.shape import ALONE, OTHERS, NetworkMap

MAX_PEOPLE_DRAWN = 500
MIN_SHOWN = 4  # a cluster that could show fewer of its people than this is drawn as one bubble
SPRING_UP_TO = 80  # a force layout inside a cluster up to this size; a sunflower beyond
LABEL_EVERYONE_UP_TO = 30
SIZE_PX = 1000
# Colours that stay distinct from each other and readable under dark text (Tableau 10 + a few).
PALETTE = (
    "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948",
    "#b07aa1", "#ff9da7", "#9c755f", "#86bcb6", "#d4a6c8", "#8cd17d",
)  # fmt: skip
GREY = "#b8b8b8"
GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))
CAPTION_ROOM = 0.9  # space kept between clusters, where their captions go


class Disc(NamedTuple):
    x: float
    y: float
    r: float


def draw_map(netmap: NetworkMap, title: str = "Your network") -> bytes | None:
    """The map as PNG bytes, or None when there is no one to draw."""
    if not netmap.people:
        return None
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.collections import LineCollection
    from matplotlib.figure import Figure
    from matplotlib.patheffects import withStroke

    shown = drawn_members(netmap)
    collapsed = {i for i, members in shown.items() if not members}
    discs = _place_clusters(netmap, shown)
    positions: dict[str, tuple[float, float]] = {}
    for index in range(len(netmap.clusters)):
        if index not in collapsed:
            positions.update(_place_people(netmap, index, shown[index], discs[index]))

    figure = Figure(figsize=(SIZE_PX / 100, SIZE_PX / 100), dpi=100)
    FigureCanvasAgg(figure)
    axes = figure.add_axes((0.02, 0.02, 0.96, 0.92))
    axes.set_axis_off()
    axes.set_aspect("equal")
    drawn = len(positions)
    scale = 1.0 if drawn <= 60 else 0.6 if drawn <= 200 else 0.4

    inside: list[tuple[tuple[float, float], tuple[float, float]]] = []
    across: list[tuple[tuple[float, float], tuple[float, float]]] = []
    for a, b in netmap.graph.edges():
        if a in positions and b in positions:
            same = netmap.people[a].cluster == netmap.people[b].cluster
            (inside if same else across).append((positions[a], positions[b]))
    if across:
        axes.add_collection(LineCollection(across, colors="#9a9a9a", linewidths=0.4, alpha=0.25, zorder=1))
    if inside:
        axes.add_collection(LineCollection(inside, colors="#6f6f6f", linewidths=0.5, alpha=0.35, zorder=1))

    ids = list(positions)  # empty when everyone is in a bubble (thousands of people, none linked)
    if ids:
        colours = [_colour(netmap, netmap.people[cid].cluster) for cid in ids]
        sizes = [scale * (30 + 420 * netmap.people[cid].strength) for cid in ids]
        xy = np.array([positions[cid] for cid in ids])
        axes.scatter(xy[:, 0], xy[:, 1], s=sizes, c=colours, edgecolors="white", linewidths=0.6, zorder=2)

    outline = [withStroke(linewidth=3, foreground="white")]
    named = {h.id for h in netmap.hubs} | {b.id for b in netmap.bridges}
    if drawn <= LABEL_EVERYONE_UP_TO:
        named |= set(ids)
    for cid in sorted(named & set(positions)):
        x, y = positions[cid]
        hub = cid in {h.id for h in netmap.hubs}
        axes.annotate(
            netmap.people[cid].name[:24],
            (x, y),
            xytext=(0, 7),
            textcoords="offset points",
            ha="center",
            fontsize=10 if hub else 8,
            fontweight="bold" if hub else "normal",
            path_effects=outline,
            zorder=4,
        )

    for index, cluster in enumerate(netmap.clusters):
        disc = discs[index]
        colour = _colour(netmap, index)
        caption = f"{cluster.name[:28]} · {len(cluster.members):,}"
        if index in collapsed:
            axes.scatter([disc.x], [disc.y], s=[min(3000, 40 * len(cluster.members))], c=[colour], alpha=0.5)
            axes.text(disc.x, disc.y, caption, ha="center", va="center", fontsize=9, path_effects=outline, zorder=4)
        else:
            axes.text(
                disc.x, disc.y + disc.r + 0.25, caption, ha="center", va="bottom", fontsize=11, color=colour,
                fontweight="bold", path_effects=outline, zorder=5,
            )  # fmt: skip

    xs = [d.x for d in discs.values()]
    ys = [d.y for d in discs.values()]
    rs = [d.r for d in discs.values()]
    pad = 1.2
    left, right = min(x - r for x, r in zip(xs, rs, strict=True)) - pad, max(x + r for x, r in zip(xs, rs, strict=True))
    bottom, top = min(y - r for y, r in zip(ys, rs, strict=True)) - pad, max(y + r for y, r in zip(ys, rs, strict=True))
    side = max(right + pad - left, top + pad * 1.5 - bottom)
    cx, cy = (left + right + pad) / 2, (bottom + top + pad * 1.5) / 2
    axes.set_xlim(cx - side / 2, cx + side / 2)
    axes.set_ylim(cy - side / 2, cy + side / 2)
    clusters = sum(1 for c in netmap.clusters if not c.grouped)
    people = f"{netmap.size:,} {'person' if netmap.size == 1 else 'people'}"
    if drawn < netmap.size:
        people += f" ({drawn:,} strongest ties drawn)"
    subtitle = f"{people} · {clusters} {'cluster' if clusters == 1 else 'clusters'} · bigger dot = stronger tie"
    figure.suptitle(f"{title}\n{subtitle}", fontsize=13, y=0.985)

    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100, facecolor="white")
    return buffer.getvalue()


def _colour(netmap: NetworkMap, index: int) -> str:
    cluster = netmap.clusters[index]
    if cluster.grouped or cluster.name in (OTHERS, ALONE):
        return GREY
    return PALETTE[index % len(PALETTE)]


def drawn_members(netmap: NetworkMap) -> dict[int, list[str]]:
    """Who is drawn one by one in each cluster, at most MAX_PEOPLE_DRAWN in all; an empty list means the cluster
    is drawn as one bubble. Past the limit, the people on their own and the grouped small clusters become bubbles
    first; if that is not enough, each named cluster shows its strongest people, in proportion to its size, and
    a cluster whose share would be under a handful becomes a bubble too."""
    clusters = netmap.clusters
    drawn = {i: list(c.members) for i, c in enumerate(clusters)}
    if netmap.size <= MAX_PEOPLE_DRAWN:
        return drawn
    for i, cluster in enumerate(clusters):
        if cluster.grouped:
            drawn[i] = []
    total = sum(len(members) for members in drawn.values())
    if total <= MAX_PEOPLE_DRAWN:
        return drawn
    for i, members in drawn.items():
        share = MAX_PEOPLE_DRAWN * len(members) // total
        drawn[i] = members[:share] if share >= MIN_SHOWN else []
    return drawn


def _place_clusters(netmap: NetworkMap, drawn: dict[int, list[str]]) -> dict[int, Disc]:
    """Greedy packing, biggest cluster first in the middle: each next disc goes to the free spot closest to the
    middle and to the clusters it shares ties with. Compact, never overlapping, and with room for the captions."""
    radius = {i: (0.55 * math.sqrt(len(members)) + 0.4 if members else 1.2) for i, members in drawn.items()}
    ties: dict[int, dict[int, int]] = {i: {} for i in radius}
    for a, b in netmap.graph.edges():
        ca, cb = netmap.people[a].cluster, netmap.people[b].cluster
        if ca != cb:
            ties[ca][cb] = ties[ca].get(cb, 0) + 1
            ties[cb][ca] = ties[cb].get(ca, 0) + 1
    placed: dict[int, Disc] = {}
    for index in sorted(radius, key=lambda i: (-radius[i], i)):
        r = radius[index]
        if not placed:
            placed[index] = Disc(0.0, 0.0, r)
            continue
        friends = [(placed[j], n) for j, n in ties[index].items() if j in placed]
        best: tuple[float, float, float] | None = None
        reach = max(math.hypot(d.x, d.y) + d.r for d in placed.values()) + r + CAPTION_ROOM
        for ring in np.linspace(0.0, reach, 40):
            for angle in np.linspace(0.0, 2 * math.pi, 48, endpoint=False):
                x, y = ring * math.cos(angle), ring * math.sin(angle)
                if any(math.hypot(x - d.x, y - d.y) < r + d.r + CAPTION_ROOM for d in placed.values()):
                    continue
                cost = math.hypot(x, y)
                if friends:
                    total = sum(n for _, n in friends)
                    cost += 0.5 * sum(n * math.hypot(x - d.x, y - d.y) for d, n in friends) / total
                if best is None or cost < best[0]:
                    best = (cost, x, y)
            if best is not None and ring > best[0]:
                break
        assert best is not None  # the outermost ring is always free
        placed[index] = Disc(best[1], best[2], r)
    return placed


def _place_people(netmap: NetworkMap, index: int, members: list[str], disc: Disc) -> dict[str, tuple[float, float]]:
    """``members``: those of the cluster drawn one by one, strongest first."""
    cluster = netmap.clusters[index]
    inner = disc.r * 0.9
    if len(members) == 1:
        return {members[0]: (disc.x, disc.y)}
    if cluster.grouped or len(members) > SPRING_UP_TO:
        return _sunflower(members, disc.x, disc.y, inner)
    sub = netmap.graph.subgraph(members)
    if sub.number_of_edges() < len(members):  # too few ties among them for a force layout to show a shape
        return _sunflower(members, disc.x, disc.y, inner)
    start = _sunflower(members, 0.0, 0.0, 1.0)
    layout = nx.spring_layout(sub, pos=start, seed=7, iterations=50, weight=None)
    points = np.array([layout[m] for m in members], dtype=float)
    points -= points.mean(axis=0)
    extent = float(np.max(np.hypot(points[:, 0], points[:, 1]))) or 1.0
    points *= inner / extent
    return {m: (disc.x + float(p[0]), disc.y + float(p[1])) for m, p in zip(members, points, strict=True)}


def _sunflower(members: list[str], x: float, y: float, radius: float) -> dict[str, tuple[float, float]]:
    """Evenly spread points on a disc, the first (strongest) in the middle."""
    count = len(members)
    out = {}
    for k, member in enumerate(members):
        r = radius * math.sqrt((k + 0.5) / count)
        angle = k * GOLDEN_ANGLE
        out[member] = (x + r * math.cos(angle), y + r * math.sin(angle))
    return out
