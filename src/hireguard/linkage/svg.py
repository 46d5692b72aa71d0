"""A picture of one ring as a standalone SVG: members on a circle, shared identifiers as
coloured edges (the strongest link type of each pair), with a legend. No plotting library.

Edges have two cues: a colour per link type, and a line style per strength (solid for a
strong identifier, dashed for a medium one, dotted for context); within one line style the
colours are far apart (CIE L*a*b* distance of 25 and more between any two link types).
Labels are laid out from an upper estimate of their width, so that none leaves the canvas;
members under the same name are told apart by their application id.
"""

from __future__ import annotations

import math
from html import escape

from hireguard.linkage.kinds import BY_KIND, LINK_TYPES
from hireguard.linkage.query import RingDetail, RingMember

_COLOURS = {
    # strong identifiers (solid lines)
    "national_id": "#000000",
    "bank_account": "#e6194b",
    "crypto_address": "#f58231",
    "payee": "#f032e6",
    "device_id": "#5b2a86",
    "email": "#4363d8",
    "phone": "#3cb44b",
    "shipping_address": "#7a4a10",
    "resume": "#42d4f4",
    # medium (dashed)
    "webrtc": "#2f4f4f",
    "hosted_ip": "#808000",
    "controlled_ip": "#800000",
    "referee_applicant": "#469990",
    # context (dotted)
    "ip": "#7f7f7f",
    "shared_referee": "#b07aa1",
    "address": "#a1d99b",
    "cover_letter": "#e7ba52",
    "ip_net": "#c8c8c8",
}
_OTHER_COLOUR = "#999999"  # a link type added without a colour here

CHAR_WIDTH = 0.68
"""Upper estimate of a character's advance, in ems, in the sans-serif fonts browsers and
viewers pick (wide capitals such as W and M reach about 0.9; names average below 0.6)."""

NAME_CHARS = 28
"""Names longer than this are cut (with an ellipsis)."""

ID_CHARS = 16
"""Application ids longer than this are shown by their end (with an ellipsis)."""


def _dash(kind: str) -> str:
    """The line style of a link type: solid (strong), dashed (medium) or dotted (context)."""
    lt_ = BY_KIND.get(kind)
    strength = lt_.strength if lt_ is not None else 0.0
    if strength >= 1.0:
        return ""
    return "7 4" if strength >= 0.5 else "2 3"


def _stroke(kind: str, width: float) -> str:
    dash = _dash(kind)
    return f'stroke="{_COLOURS.get(kind, _OTHER_COLOUR)}" stroke-width="{width:.1f}"' + (
        f' stroke-dasharray="{dash}"' if dash else ""
    )


def text_width(text: str, font_size: float) -> float:
    """An upper estimate of the width of ``text`` at ``font_size`` (see :data:`CHAR_WIDTH`)."""
    return len(text) * font_size * CHAR_WIDTH


def _short_id(application_id: str) -> str:
    if len(application_id) <= ID_CHARS:
        return application_id
    return "…" + application_id[-(ID_CHARS - 1) :]


def member_labels(members: list[RingMember], names: bool = True) -> dict[str, str]:
    """One distinct label per member: its name (cut to :data:`NAME_CHARS`), followed by its
    application id when another member gives the same name; its application id when the
    name was removed or ``names`` is false."""

    def name_of(m: RingMember) -> str | None:
        return " ".join(m.name.split()) if names and m.name and m.name.strip() else None

    seen: dict[str, int] = {}
    for m in members:
        name = name_of(m)
        if name is not None:
            seen[name.casefold()] = seen.get(name.casefold(), 0) + 1
    labels: dict[str, str] = {}
    for m in members:
        name = name_of(m)
        if name is None:
            label = _short_id(m.application_id)
        else:
            alike = seen[name.casefold()] > 1
            if len(name) > NAME_CHARS:
                name = name[: NAME_CHARS - 1].rstrip() + "…"
            label = f"{name} · {_short_id(m.application_id)}" if alike else name
        labels[m.application_id] = label
    # Shortened ids can still collide: number what is left alike.
    counts: dict[str, int] = {}
    for label in labels.values():
        counts[label] = counts.get(label, 0) + 1
    taken: dict[str, int] = {}
    for aid, label in labels.items():
        if counts[label] > 1:
            taken[label] = taken.get(label, 0) + 1
            labels[aid] = f"{label} #{taken[label]}"
    return labels


def ring_svg(detail: RingDetail, size: int = 720, names: bool = True) -> str:
    """The ring as SVG text; ``names=False`` labels the members by application id only."""
    members = detail.members
    n = max(1, len(members))
    labels = member_labels(members, names)
    label_size = 11
    widest = max((text_width(x, label_size) for x in labels.values()), default=0.0)
    radius = size / 2 - 90
    margin = max(90.0, 13 + widest + 12)  # room for a label beside a node on either side
    cx, cy = margin + radius, size / 2 + 20
    pos: dict[str, tuple[float, float]] = {}
    for i, m in enumerate(members):
        angle = 2 * math.pi * i / n - math.pi / 2
        pos[m.application_id] = (cx + radius * math.cos(angle), cy + radius * math.sin(angle))

    drawn: dict[str, None] = {}  # link types drawn as edges (the strongest of a pair)
    shared: set[str] = set()  # every link type the pairs share
    edges: list[str] = []
    for (a, b), kinds in sorted(detail.edges.items()):
        if a not in pos or b not in pos or not kinds:
            continue
        kind = max(kinds, key=lambda k: BY_KIND[k].strength if k in BY_KIND else 0.0)
        drawn[kind] = None
        shared.update(kinds)
        (x1, y1), (x2, y2) = pos[a], pos[b]
        strength = BY_KIND[kind].strength if kind in BY_KIND else 0.0
        width = 1 + 2.5 * min(1.0, strength / 2)
        edges.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
            f'{_stroke(kind, width)} stroke-opacity="0.8">'
            f"<title>{escape(a)} - {escape(b)}: {escape(', '.join(kinds))}</title></line>"
        )
    order = [lt_.kind for lt_ in LINK_TYPES]
    rank = {k: i for i, k in enumerate(order)}
    legend_kinds = sorted(drawn, key=lambda k: rank.get(k, len(rank)))
    also = sorted(shared - set(drawn), key=lambda k: rank.get(k, len(rank)))

    legend_x = cx + radius + margin + 10
    legend_bottom = 80 + 22 * len(legend_kinds) + (30 + 18 * len(also) if also else 0) + 16
    legend_w = max(
        [text_width("Shared (strongest per pair)", 13)]
        + [38 + text_width(k, 12) for k in legend_kinds]
        + [text_width(x, 12) for x in also]
        + [text_width("Also shared by linked pairs:", 12) if also else 0.0]
    )
    s = detail.summary
    title = f"Ring {s.cluster_id}"
    subtitle = (
        f"{s.size} applications, {s.identities} identities, score {s.score:.2f}, "
        f"{s.first_seen:%Y-%m-%d} to {s.last_seen:%Y-%m-%d}"
    )
    width = max(
        legend_x + legend_w + 16, 16 + text_width(title, 18) + 16, 16 + text_width(subtitle, 13)
    )
    height = max(size + 40, legend_bottom)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}"'
        f' viewBox="0 0 {width:.0f} {height:.0f}" font-family="sans-serif">',
        '<rect width="100%" height="100%" fill="white"/>',
        f'<text x="16" y="28" font-size="18" font-weight="bold">{escape(title)}</text>',
        f'<text x="16" y="50" font-size="13">{escape(subtitle)}</text>',
        *edges,
    ]
    for m in members:
        x, y = pos[m.application_id]
        out.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="9" fill="#333"><title>'
            f"{escape(m.application_id)} {m.submitted_at:%Y-%m-%d %H:%M}</title></circle>"
        )
        right = x >= cx - 0.5
        anchor = "start" if right else "end"
        dx = 13 if right else -13
        out.append(
            f'<text class="member" x="{x + dx:.1f}" y="{y + 4:.1f}" font-size="{label_size}" '
            f'text-anchor="{anchor}">{escape(labels[m.application_id])}</text>'
        )
    ly = 80
    out.append(
        f'<text x="{legend_x:.0f}" y="{ly}" font-size="13" font-weight="bold">'
        "Shared (strongest per pair)</text>"
    )
    for kind in legend_kinds:
        ly += 22
        out.append(
            f'<g class="legend"><line x1="{legend_x:.0f}" y1="{ly - 4}" x2="{legend_x + 30:.0f}"'
            f' y2="{ly - 4}" {_stroke(kind, 3)}/>'
            f'<text x="{legend_x + 38:.0f}" y="{ly}" font-size="12">{escape(kind)}</text></g>'
        )
    if also:
        ly += 30
        out.append(
            f'<text x="{legend_x:.0f}" y="{ly}" font-size="12" font-style="italic">'
            "Also shared by linked pairs:</text>"
        )
        for kind in also:
            ly += 18
            out.append(
                f'<text x="{legend_x:.0f}" y="{ly}" font-size="12" fill="#555">'
                f"{escape(kind)}</text>"
            )
    out.append("</svg>")
    return "\n".join(out)
