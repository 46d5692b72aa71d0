"""The picture of a ring (`hireguard rings show --svg`): every text on the canvas, one label
per member even under a shared name, a colour per link type that can be told apart."""

from __future__ import annotations

import datetime as dt
import itertools
import math
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hireguard.cli import app
from hireguard.linkage.kinds import LINK_TYPES
from hireguard.linkage.query import RingDetail, RingMember, RingSummary
from hireguard.linkage.svg import ring_svg
from tests.linkage.people import person
from tests.linkage.test_rings import FARM, score

NS = "{http://www.w3.org/2000/svg}"
T0 = dt.datetime(2026, 11, 8, 9, 0, tzinfo=dt.UTC)
# Long names on every side of the circle, three people under one name, one name removed.
NAMES = [
    "Hannah Roberts",
    "Bo Sun",
    "Christopher Joshua Thompson",
    "Taras Shevchenko",
    "Bo Sun",
    "Maximilian Alexander Wolfgang von Hohenberg-Schwarzenfeld",
    "Patrick Brian Powell",
    None,
    "Bo  Sun",
    "Nguyen Thi Minh Khai Hoang",
    "Michael Robinson",
    "Anastasiya Oleksandrivna Kovalenko",
    "Wojciech Wawrzyniak",
    "Mary-Kate Williamson-Hughes",
]
KINDS = [lt.kind for lt in LINK_TYPES if lt.strength > 0]


def _detail(
    n: int = len(NAMES), edges: dict[tuple[str, str], list[str]] | None = None
) -> RingDetail:
    members = [
        RingMember(i, f"APP-{i:04d}", NAMES[i % len(NAMES)], T0 + dt.timedelta(minutes=i))
        for i in range(n)
    ]
    ids = [m.application_id for m in members]
    if edges is None:
        edges = {(a, b): ["device_id", "ip"] for a, b in itertools.combinations(ids, 2)}
    summary = RingSummary(
        "R-0123456789ab", n, 11, 0.97, T0, T0 + dt.timedelta(days=3), {"device_id": 11}
    )
    return RingDetail(summary, members, [], edges)


def _texts(svg: str) -> tuple[ET.Element, list[ET.Element]]:
    root = ET.fromstring(svg)
    return root, list(root.iter(f"{NS}text"))


def _text_box(t: ET.Element, em: float) -> tuple[float, float, float, float]:
    """Left, top, right, bottom of a text line at ``em`` (average advance, in ems)."""
    size = float(t.get("font-size", "16"))
    width = len("".join(t.itertext())) * size * em
    x, y = float(t.get("x", "0")), float(t.get("y", "0"))
    left = {"start": x, "middle": x - width / 2, "end": x - width}[t.get("text-anchor", "start")]
    return left, y - size, left + width, y + size * 0.3


@pytest.mark.parametrize("names", [True, False])
def test_every_text_lies_inside_the_picture(names: bool) -> None:
    root, texts = _texts(ring_svg(_detail()) if names else ring_svg(_detail(), names=False))
    _, _, width, height = (float(v) for v in root.get("viewBox", "").split())
    assert texts
    for t in texts:
        # 0.6 em: what sans-serif names average, and more (the browser test measures them)
        left, top, right, bottom = _text_box(t, 0.6)
        label = "".join(t.itertext())
        assert left >= 0 and right <= width, (label, left, right, width)
        assert top >= 0 and bottom <= height, (label, top, bottom, height)


def test_members_under_one_name_get_distinct_labels() -> None:
    svg = ring_svg(_detail())
    _, texts = _texts(svg)
    labels = ["".join(t.itertext()) for t in texts]
    bo = [x for x in labels if "Bo Sun" in x]
    assert len(bo) == 3 and len(set(bo)) == 3
    for aid in ("APP-0001", "APP-0004", "APP-0008"):  # told apart by their application ids
        assert sum(aid in x for x in bo) == 1
    assert "APP-0007" in labels  # the member whose name was removed
    assert "Hannah Roberts" in labels  # a name given once is shown alone
    assert any(x.startswith("Maximilian Alexander") and x.endswith("…") for x in labels)
    anonymous = ring_svg(_detail(), names=False)
    assert not any(name and " ".join(name.split()) in anonymous for name in NAMES)
    assert all(f"APP-{i:04d}" in anonymous for i in range(len(NAMES)))


def _lab(colour: str) -> tuple[float, float, float]:
    """CIE L*a*b* (D65) of an sRGB ``#rrggbb``."""
    rgb = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb)
    xyz = (
        (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047,
        0.2126 * r + 0.7152 * g + 0.0722 * b,
        (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883,
    )
    fx, fy, fz = (v ** (1 / 3) if v > 216 / 24389 else (24389 / 27 * v + 16) / 116 for v in xyz)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def test_each_link_type_has_its_own_distinguishable_colour() -> None:
    # A chain: each pair of neighbours shares one link type, every type once.
    ids = [f"APP-{i:04d}" for i in range(len(KINDS) + 1)]
    edges = {(ids[i], ids[i + 1]): [kind] for i, kind in enumerate(KINDS)}
    root, _ = _texts(ring_svg(_detail(len(ids), edges)))
    style: dict[str, tuple[str, str]] = {}
    for line in root.iter(f"{NS}line"):
        title = line.find(f"{NS}title")
        if title is None or title.text is None:
            continue
        kind = title.text.rsplit(": ", 1)[1]
        drawn = (line.get("stroke", ""), line.get("stroke-dasharray", ""))
        assert style.setdefault(kind, drawn) == drawn
    assert sorted(style) == sorted(KINDS)
    for a, b in itertools.combinations(KINDS, 2):
        distance = math.dist(_lab(style[a][0]), _lab(style[b][0]))
        assert distance >= 25, (a, b, style[a][0], style[b][0], round(distance, 1))
    # The legend names every link type drawn, with its edges' colour and line style.
    legend = {}
    for group in root.iter(f"{NS}g"):
        line, text = group.find(f"{NS}line"), group.find(f"{NS}text")
        if line is not None and text is not None and text.text:
            legend[text.text] = (line.get("stroke", ""), line.get("stroke-dasharray", ""))
    assert legend == style


def test_rings_show_draws_a_picture_without_names_on_request(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'ring.db'}"
    farm = [person(100 + i, **{"shipping_address": FARM}) for i in range(3)]
    cid = score(url, farm)["P-0102"].cluster_id
    assert cid is not None
    named, anonymous = tmp_path / "named.svg", tmp_path / "anonymous.svg"
    runner = CliRunner()
    for path, extra in ((named, []), (anonymous, ["--no-names"])):
        shown = runner.invoke(app, ["rings", "show", cid, "--db", url, "--svg", str(path), *extra])
        assert shown.exit_code == 0, shown.output
    names = [a["applicant"]["full_name"] for a in farm]
    assert all(name in named.read_text() for name in names)
    assert not any(name in anonymous.read_text() for name in names)
    assert all(a["application_id"] in anonymous.read_text() for a in farm)


@pytest.mark.browser
def test_labels_measured_by_a_browser_stay_inside_the_picture() -> None:
    from playwright.sync_api import sync_playwright

    from tests.browser import TEXT_OUTSIDE_VIEWBOX_JS, launch

    with sync_playwright() as pw:
        browser = launch(pw)
        page = browser.new_page()
        page.set_content(f"<!doctype html><body style='margin:0'>{ring_svg(_detail())}")
        assert page.evaluate(TEXT_OUTSIDE_VIEWBOX_JS) == []
        anonymous = ring_svg(_detail(), names=False)
        page.set_content(f"<!doctype html><body style='margin:0'>{anonymous}")
        assert page.evaluate(TEXT_OUTSIDE_VIEWBOX_JS) == []
        browser.close()
