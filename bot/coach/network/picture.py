"""Drawing a NetworkMap as a PNG: clusters as coloured islands, people sized by tie strength, hubs named.

Drawn with Pillow (lines, dots, text with a white outline) at twice the size and scaled down, in DejaVu Sans
shipped beside this module (fonts/, with its licence): no plotting library, no display, nothing shared between two
maps drawn at once. Imported lazily, so starting the bot does not pay for it.

Layout, chosen for readability at hundreds of people: each cluster gets a disc whose area grows with its size;
discs are placed by a small force layout of the clusters (clusters that share ties sit near each other) and then
pushed apart until none overlap; inside a disc, people are laid out by their own ties (a force layout) or, for
big or tie-less groups, on a sunflower spiral with the strongest ties at the centre. Past ``MAX_PEOPLE_DRAWN``,
the smallest clusters are drawn as one bubble each ("on their own: 240").
"""

from __future__ import annotations

import io
import math
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

import networkx as nx
import numpy as np

from bot.coach.network.shape import ALONE, OTHERS, NetworkMap

FONTS = Path(__file__).with_name("fonts")
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
    shown = drawn_members(netmap)
    collapsed = {i for i, members in shown.items() if not members}
    discs = _place_clusters(netmap, shown)
    positions: dict[str, tuple[float, float]] = {}
    for index in range(len(netmap.clusters)):
        if index not in collapsed:
            positions.update(_place_people(netmap, index, shown[index], discs[index]))

    xs = [d.x for d in discs.values()]
    ys = [d.y for d in discs.values()]
    rs = [d.r for d in discs.values()]
    pad = 1.2
    left, right = min(x - r for x, r in zip(xs, rs, strict=True)) - pad, max(x + r for x, r in zip(xs, rs, strict=True))
    bottom, top = min(y - r for y, r in zip(ys, rs, strict=True)) - pad, max(y + r for y, r in zip(ys, rs, strict=True))
    side = max(right + pad - left, top + pad * 1.5 - bottom)
    canvas = Canvas(((left + right + pad) / 2, (bottom + top + pad * 1.5) / 2), side)
    drawn = len(positions)
    scale = 1.0 if drawn <= 60 else 0.6 if drawn <= 200 else 0.4

    inside: list[tuple[tuple[float, float], tuple[float, float]]] = []
    across: list[tuple[tuple[float, float], tuple[float, float]]] = []
    for a, b in netmap.graph.edges():
        if a in positions and b in positions:
            same = netmap.people[a].cluster == netmap.people[b].cluster
            (inside if same else across).append((positions[a], positions[b]))
    canvas.lines(across, "#9a9a9a", width=0.4, alpha=0.25)
    canvas.lines(inside, "#6f6f6f", width=0.5, alpha=0.35)

    for cid in positions:  # empty when everyone is in a bubble (thousands of people, none linked)
        person = netmap.people[cid]
        canvas.dot(positions[cid], scale * (30 + 420 * person.strength), _colour(netmap, person.cluster))

    named = {h.id for h in netmap.hubs} | {b.id for b in netmap.bridges}
    if drawn <= LABEL_EVERYONE_UP_TO:
        named |= set(positions)
    hubs = {h.id for h in netmap.hubs}
    for cid in sorted(named & set(positions)):
        hub = cid in hubs
        canvas.text(positions[cid], netmap.people[cid].name[:24], 10 if hub else 8, bold=hub, above=7)

    for index, cluster in enumerate(netmap.clusters):
        disc = discs[index]
        colour = _colour(netmap, index)
        caption = f"{cluster.name[:28]} · {len(cluster.members):,}"
        if index in collapsed:
            canvas.dot((disc.x, disc.y), min(3000, 40 * len(cluster.members)), colour, alpha=0.5, edge=False)
            canvas.text((disc.x, disc.y), caption, 9, middle=True)
        else:
            canvas.text((disc.x, disc.y + disc.r + 0.25), caption, 11, bold=True, colour=colour, above=0)

    clusters = sum(1 for c in netmap.clusters if not c.grouped)
    people = f"{netmap.size:,} {'person' if netmap.size == 1 else 'people'}"
    if drawn < netmap.size:
        people += f" ({drawn:,} strongest ties drawn)"
    subtitle = f"{people} · {clusters} {'cluster' if clusters == 1 else 'clusters'} · bigger dot = stronger tie"
    canvas.title(f"{title}\n{subtitle}", 13)
    return canvas.png()


class Canvas:
    """A square picture of ``SIZE_PX`` pixels showing ``side`` units of the map around ``centre``, drawn with
    Pillow at twice the size and scaled down (smooth edges). Sizes are in points (1/72 inch at 100 dpi), as the
    picture was first designed with matplotlib: a dot's size is its area in square points."""

    SUPER = 2
    AXES = (0.06, 0.98)  # the map's band of the picture, top to bottom (the title is above it)

    def __init__(self, centre: tuple[float, float], side: float) -> None:
        from PIL import Image

        self.size = SIZE_PX * self.SUPER
        self.image = Image.new("RGB", (self.size, self.size), "white")
        self.centre = centre
        top, bottom = self.AXES
        self.middle = (self.size / 2, (top + bottom) / 2 * self.size)
        self.per_unit = (bottom - top) * self.size / side

    def px(self, points: float) -> float:
        return points * 100 / 72 * self.SUPER

    def at(self, point: tuple[float, float]) -> tuple[float, float]:
        x, y = point
        return (
            self.middle[0] + (x - self.centre[0]) * self.per_unit,
            self.middle[1] - (y - self.centre[1]) * self.per_unit,
        )

    def layer(self, alpha: float, draw: Any, box: tuple[int, int, int, int] | None = None) -> None:
        """Draw on a clear layer (over ``box`` of the picture, or all of it), then lay it over at ``alpha``."""
        from PIL import Image, ImageDraw

        left, top, right, bottom = box or (0, 0, self.size, self.size)
        layer = Image.new("RGBA", (right - left, bottom - top), (0, 0, 0, 0))
        draw(ImageDraw.Draw(layer), (left, top))
        layer.putalpha(layer.getchannel("A").point(lambda a: round(a * alpha)))
        self.image.paste(layer, (left, top), layer)

    def lines(self, segments: list[tuple[tuple[float, float], tuple[float, float]]], colour: str, *, width: float,
              alpha: float) -> None:  # fmt: skip
        if segments:
            thick = max(1, round(self.px(width)))
            ends = [(self.at(a), self.at(b)) for a, b in segments]
            self.layer(alpha, lambda d, _: [d.line(pair, fill=colour, width=thick) for pair in ends])

    def dot(
        self, point: tuple[float, float], area: float, colour: str, *, alpha: float = 1.0, edge: bool = True
    ) -> None:
        x, y = self.at(point)
        r = self.px(math.sqrt(area) / 2)
        outline = max(1, round(self.px(0.6))) if edge else 0

        def draw(d: Any, origin: tuple[int, int] = (0, 0)) -> None:
            box = (x - r - origin[0], y - r - origin[1], x + r - origin[0], y + r - origin[1])
            d.ellipse(box, fill=colour, outline="white" if edge else None, width=outline)

        if alpha < 1:
            self.layer(alpha, draw, (int(x - r) - 1, int(y - r) - 1, int(x + r) + 2, int(y + r) + 2))
        else:
            from PIL import ImageDraw

            draw(ImageDraw.Draw(self.image))

    def text(self, point: tuple[float, float], words: str, size: float, *, bold: bool = False, colour: str = "black",
             above: float | None = None, middle: bool = False) -> None:  # fmt: skip
        """``words`` centred on ``point``: ``above`` points over it (standing on that line), or ``middle``."""
        from PIL import ImageDraw

        x, y = self.at(point)
        anchor = "mm" if middle else "ms"
        if not middle:
            y -= self.px(above or 0)
        ImageDraw.Draw(self.image).text(
            (x, y), words, fill=colour, font=_font(round(self.px(size)), bold), anchor=anchor,
            stroke_width=round(self.px(1.5)), stroke_fill="white",
        )  # fmt: skip

    def title(self, words: str, size: float) -> None:
        from PIL import ImageDraw

        ImageDraw.Draw(self.image).multiline_text(
            (self.size / 2, 0.015 * self.size), words, fill="black", font=_font(round(self.px(size)), False),
            anchor="ma", align="center", spacing=round(self.px(3)),
        )  # fmt: skip

    def png(self) -> bytes:
        from PIL import Image

        picture = self.image.resize((SIZE_PX, SIZE_PX), Image.Resampling.LANCZOS)
        buffer = io.BytesIO()
        picture.save(buffer, format="PNG")
        return buffer.getvalue()


@cache
def _font(pixels: int, bold: bool) -> Any:
    """DejaVu Sans (shipped beside this module, with its licence): Latin, Greek and Cyrillic names read alike."""
    from PIL import ImageFont

    return ImageFont.truetype(str(FONTS / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")), pixels)


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
