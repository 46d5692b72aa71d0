"""HG-INT: camera, voice-only interviews and night-time interviews."""

from __future__ import annotations

from collections.abc import Callable

from hireguard.detect.interview import camera_off, home_zone, night_interview, video_declined
from hireguard.detect.registry import Detector, Finding
from hireguard.enrich.types import EnrichedApplication

Build = Callable[..., EnrichedApplication]
Run = Callable[[Detector, EnrichedApplication], list[Finding]]


def test_declined_video_fires(build: Build, run: Run) -> None:
    findings = run(video_declined, build({"interview": {"video_declined": True}}))
    assert len(findings) == 1
    assert findings[0].weight == video_declined.weight


def test_voice_only_fires_a_little_less(build: Build, run: Run) -> None:
    findings = run(video_declined, build({"interview": {"voice_only": True}}))
    assert findings[0].weight < video_declined.weight


def test_video_interview_stays_quiet(build: Build, run: Run) -> None:
    assert run(video_declined, build()) == []
    assert run(video_declined, build({"interview": None})) == []


def test_camera_off_most_of_the_interview_fires(build: Build, run: Run) -> None:
    findings = run(camera_off, build({"interview": {"camera_off_minutes": 42}}))
    assert findings[0].weight == camera_off.weight


def test_camera_off_for_a_few_minutes_stays_quiet(build: Build, run: Run) -> None:
    # A dropped connection, a screen share: a few minutes is ordinary.
    assert run(camera_off, build({"interview": {"camera_off_minutes": 4}})) == []


def test_night_interview_on_a_daytime_computer_clock_names_the_clock(
    build: Build, run: Run
) -> None:
    # 23:00 in Austin (UTC-5 in September) is 12:00 the next day in Shanghai (UTC+8). The
    # clock's own place is HG-LOC-002's finding, so it does not raise this one's weight; it
    # keeps the finding for a job abroad, where a night slot alone says nothing.
    app = build(
        {
            "job": {"title": "Backend Engineer", "remote": True, "country": "GB"},
            "interview": {"scheduled_local_hour": 23},
            "session": {"timezone": "Asia/Shanghai", "utc_offset_minutes": 480},
        }
    )
    findings = run(night_interview, app)
    assert len(findings) == 1
    assert findings[0].weight == night_interview.weight
    assert findings[0].evidence["browser_hour"] == 12
    assert "12:00 on the applicant's own computer clock" in findings[0].message


def test_night_interview_alone_fires_weakly(build: Build, run: Run) -> None:
    app = build(
        {
            "interview": {"scheduled_local_hour": 1},
            "session": {"timezone": "America/Chicago"},
        }
    )
    findings = run(night_interview, app)
    assert findings[0].weight == night_interview.weight


def test_evening_and_daytime_interviews_stay_quiet(build: Build, run: Run) -> None:
    for hour in (9, 14, 18, 21):
        app = build({"interview": {"scheduled_local_hour": hour}})
        assert run(night_interview, app) == [], hour


def test_home_zone_from_state_names_and_codes() -> None:
    assert home_zone("US", "Texas") == ("America/Chicago", True)
    assert home_zone("US", "az") == ("America/Phoenix", True)
    assert home_zone("AU", "WA") == ("Australia/Perth", True)
    assert home_zone("US", None) == ("America/New_York", False)  # several zones: uncertain
    assert home_zone("JP", None) == ("Asia/Tokyo", True)
