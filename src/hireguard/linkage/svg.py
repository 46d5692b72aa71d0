"""A picture of one ring as a standalone SVG: members on a circle, shared identifiers as
coloured edges (the strongest link type of each pair), with a legend. No plotting library."""

from __future__ import annotations

import math
from html import escape

from hireguard.linkage.kinds import BY_KIND, LINK_TYPES
from hireguard.linkage.query import RingDetail

_COLOURS = {
    "national_id": "#b2182b",
    "bank_account": "#d6604d",
    "crypto_address": "#f4a582",
    "payee": "#c51b7d",
    "device_id": "#762a83",
    "email": "#2166ac",
    "phone": "#4393c3",
    "shipping_address": "#1b7837",
    "resume": "#8c510a",
    "webrtc": "#35978f",
    "hosted_ip": "#01665e",
    "controlled_ip": "#003c30",
    "referee_applicant": "#e08214",
    "shared_referee": "#fdb863",
    "ip": "#80cdc1",
    "address": "#a6dba0",
    "cover_letter": "#dfc27d",
    "ip_net": "#bababa",
}


def ring_svg(detail: RingDetail, size: int = 720) -> str:
    """The ring as SVG text."""
    members = detail.members
    n = max(1, len(members))
    legend_w = 230
    cx, cy = size / 2, size / 2 + 20
    radius = size / 2 - 90
    pos: dict[str, tuple[float, float]] = {}
    for i, m in enumerate(members):
        angle = 2 * math.pi * i / n - math.pi / 2
        pos[m.application_id] = (cx + radius * math.cos(angle), cy + radius * math.sin(angle))
    s = detail.summary
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size + legend_w}" height="{size + 40}"'
        f' viewBox="0 0 {size + legend_w} {size + 40}" font-family="sans-serif">',
        '<rect width="100%" height="100%" fill="white"/>',
        f'<text x="16" y="28" font-size="18" font-weight="bold">Ring {escape(s.cluster_id)}</text>',
        f'<text x="16" y="50" font-size="13">{s.size} applications, {s.identities} identities,'
        f" score {s.score:.2f}, {s.first_seen:%Y-%m-%d} to {s.last_seen:%Y-%m-%d}</text>",
    ]
    used: set[str] = set()
    for (a, b), kinds in sorted(detail.edges.items()):
        if a not in pos or b not in pos:
            continue
        kind = max(kinds, key=lambda k: BY_KIND[k].strength)
        used.update(kinds)
        (x1, y1), (x2, y2) = pos[a], pos[b]
        width = 1 + 2.5 * min(1.0, BY_KIND[kind].strength / 2)
        out.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
            f'stroke="{_COLOURS[kind]}" stroke-width="{width:.1f}" stroke-opacity="0.75">'
            f"<title>{escape(a)} - {escape(b)}: {escape(', '.join(kinds))}</title></line>"
        )
    for m in members:
        x, y = pos[m.application_id]
        label = m.name or m.application_id
        out.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="9" fill="#333"><title>'
            f"{escape(m.application_id)} {m.submitted_at:%Y-%m-%d %H:%M}</title></circle>"
        )
        anchor = "start" if x >= cx else "end"
        dx = 13 if x >= cx else -13
        out.append(
            f'<text x="{x + dx:.1f}" y="{y + 4:.1f}" font-size="11" text-anchor="{anchor}">'
            f"{escape(label[:28])}</text>"
        )
    ly = 80
    out.append(f'<text x="{size + 10}" y="{ly}" font-size="13" font-weight="bold">Shared</text>')
    for lt_ in LINK_TYPES:
        if lt_.kind not in used:
            continue
        ly += 22
        out.append(
            f'<line x1="{size + 10}" y1="{ly - 4}" x2="{size + 40}" y2="{ly - 4}" '
            f'stroke="{_COLOURS[lt_.kind]}" stroke-width="3"/>'
            f'<text x="{size + 48}" y="{ly}" font-size="12">{escape(lt_.kind)}</text>'
        )
    out.append("</svg>")
    return "\n".join(out)
