"""The screener's memory of organisations' answers: the same answers, bounded, no people."""

from __future__ import annotations

from typing import Any

import pytest

from hireguard.model import Application
from hireguard.sanctions import screener as screener_module
from hireguard.sanctions.screener import Screener
from tests.appfactory import make_app


def _listed(screener: Screener, kind: str, n: int) -> list[str]:
    """Listed names of one kind with no birth date (so that only the name decides)."""
    return [e.name for e in screener.index.entries if e.kind == kind and not e.dobs][:n]


def _application(screener: Screener, employers: list[str], **overrides: Any) -> Application:
    person = _listed(screener, "person", 1)[0]
    raw = make_app(
        {
            "applicant.full_name": person,
            "applicant.date_of_birth": None,
            "resume": {
                "text": "Ten years of backend work.",
                "experience": [
                    {"employer": name, "title": "Engineer", "country": "US"} for name in employers
                ],
            },
            "references": [{"name": person, "email": "ref@example.com"}],
            **overrides,
        }
    )
    return Application.model_validate(raw)


def _answers(screener: Screener, app: Application) -> list[dict[str, Any]]:
    return [m.model_dump() for m in screener.screen_application(app)]


def test_kept_answers_equal_fresh_ones_and_repeat_employers_are_searched_once(
    screener: Screener, monkeypatch: pytest.MonkeyPatch
) -> None:
    employers = [*_listed(screener, "organization", 3), "Acme Widgets Inc", "Initech"]
    app = _application(screener, employers)
    fresh = Screener(screener.index)
    first = _answers(fresh, app)
    assert any(m["matched_field"].startswith("resume.") for m in first)
    assert any(m["matched_field"] == "applicant.full_name" for m in first)

    searched: list[tuple[str, str | None]] = []
    search = screener.index.search

    def counting(name: str, **kw: Any) -> Any:
        searched.append((name, kw.get("kind")))
        return search(name, **kw)

    monkeypatch.setattr(fresh.index, "search", counting)
    assert _answers(fresh, app) == first  # warm: the same answers, in the same order
    assert all(kind == "person" for _, kind in searched)  # employers came from memory
    assert _answers(Screener(screener.index), app) == first


def test_people_are_not_kept(screener: Screener) -> None:
    fresh = Screener(screener.index)
    app = _application(screener, ["Initech"], **{"applicant.other_names": ["Jane Q Public"]})
    fresh.screen_application(app)
    kept = {name for name, _, _ in fresh._org_cache}
    assert kept == {"Initech"}
    assert app.applicant.full_name not in kept and "Jane Q Public" not in kept


def test_kept_answers_are_bounded(screener: Screener, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(screener_module, "_CACHE_LIMIT", 3)
    fresh = Screener(screener.index)
    for i in range(10):
        fresh.screen_application(_application(screener, [f"Company {i} Ltd"]))
        assert len(fresh._org_cache) <= 3
