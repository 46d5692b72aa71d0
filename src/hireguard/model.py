"""The contract's records as pydantic models.

These mirror ``shared/contract/application.schema.json`` and ``assessment.schema.json``
(version 1). Unknown fields are kept (``extra="allow"``) so that nothing an integration
sends is dropped; the ``label`` field of training files is kept in storage but never read
by a detector or the scorer.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
)
from pydantic_core import PydanticCustomError

#: The validation context under which input is held to the contract's formats where the
#: model alone is lenient (``submitted_at`` with a time-zone offset, ``session.ip`` an
#: address): ``Application.model_validate(raw, context=CONTRACT)``. The intake and the API
#: validate so (:func:`hireguard.intake.readers.validate`); records read back from the store
#: do not, so that an application stored before these checks can still be assessed again.
CONTRACT: dict[str, Any] = {"contract": True}


def _contract(info: ValidationInfo) -> bool:
    return isinstance(info.context, dict) and bool(info.context.get("contract"))


_DATE_ONLY = re.compile(r"\s*\d{4}-\d{2}-\d{2}\s*")
_RFC3339_EXAMPLE = "e.g. 2026-07-14T03:12:09Z or 2026-07-13T22:12:09-05:00"

Country = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
Sha256Hex = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
YearMonth = Annotated[str, StringConstraints(pattern=r"^[0-9]{4}-[0-9]{2}$")]


class _Open(BaseModel):
    """A contract object: extra fields are allowed and kept."""

    model_config = ConfigDict(extra="allow", frozen=False)


class Address(_Open):
    line1: str | None = None
    line2: str | None = None
    city: str | None = None
    region: str | None = None
    postal_code: str | None = None
    country: Country | None = None


class Job(_Open):
    title: str
    requisition_id: str | None = None
    remote: bool | None = None
    country: Country | None = None


class Profile(_Open):
    network: str
    url: str | None = None
    handle: str | None = None
    created_on: dt.date | None = None
    updated_on: dt.date | None = None
    last_activity_on: dt.date | None = None
    connections: Annotated[int, Field(ge=0)] | None = None
    public_repos: Annotated[int, Field(ge=0)] | None = None


class Applicant(_Open):
    full_name: Annotated[str, StringConstraints(min_length=1)]
    other_names: list[str] = Field(default_factory=list)
    date_of_birth: dt.date | None = None
    nationality: Country | None = None
    email: str
    phone: str | None = None
    address: Address | None = None
    national_id_sha256: Sha256Hex | None = None
    profiles: list[Profile] = Field(default_factory=list)


class Education(_Open):
    institution: str | None = None
    degree: str | None = None
    field: str | None = None
    country: Country | None = None
    start_year: int | None = None
    end_year: int | None = None


class Experience(_Open):
    employer: str | None = None
    title: str | None = None
    country: Country | None = None
    start: YearMonth | None = None
    end: YearMonth | None = None


class Resume(_Open):
    text: str | None = None
    skills: list[str] = Field(default_factory=list)
    education: list[Education] = Field(default_factory=list)
    experience: list[Experience] = Field(default_factory=list)


class Reference(_Open):
    name: str | None = None
    email: str | None = None
    phone: str | None = None


class Payment(_Open):
    method: str | None = None
    bank_country: Country | None = None
    account_sha256: Sha256Hex | None = None
    crypto_address: str | None = None


class Screen(_Open):
    width: int | None = None
    height: int | None = None


class Session(_Open):
    ip: str | None = None
    user_agent: str | None = None
    timezone: str | None = None
    utc_offset_minutes: int | None = None
    languages: list[str] = Field(default_factory=list)
    keyboard_layouts: list[str] = Field(default_factory=list)
    screen: Screen | None = None
    hardware_concurrency: Annotated[int, Field(ge=0)] | None = None
    device_memory_gb: Annotated[float, Field(ge=0)] | None = None
    gpu_renderer: str | None = None
    device_id: str | None = None
    webrtc_ips: list[str] = Field(default_factory=list)
    remote_access_tools: list[str] = Field(default_factory=list)

    @field_validator("ip")
    @classmethod
    def _an_address(cls, value: str | None, info: ValidationInfo) -> str | None:
        """The connecting address must be one: a value that is none (``unknown``, a
        hostname, a cut address) would silently switch off every network check."""
        if value is None or not _contract(info):
            return value
        from hireguard.intake.normalise import normalise_ip  # (it imports this module)

        if normalise_ip(value) is None:
            raise PydanticCustomError(
                "ip_address",
                "not an IPv4 or IPv6 address (e.g. 203.0.113.7 or 2001:db8::1); without "
                "one the network checks cannot run: leave the field out when the address "
                "is unknown",
            )
        return value


class Interview(_Open):
    video_declined: bool | None = None
    camera_off_minutes: Annotated[float, Field(ge=0)] | None = None
    voice_only: bool | None = None
    scheduled_local_hour: Annotated[int, Field(ge=0, le=23)] | None = None


class Application(_Open):
    """One job application (contract ``hireguard/application/v1``)."""

    schema_version: Literal[1] | None = None
    application_id: Annotated[str, StringConstraints(min_length=1, max_length=128)]
    submitted_at: dt.datetime
    source: str | None = None
    job: Job
    applicant: Applicant
    resume: Resume | None = None
    cover_letter: str | None = None
    references: list[Reference] = Field(default_factory=list)
    payment: Payment | None = None
    shipping_address: Address | None = None
    session: Session | None = None
    interview: Interview | None = None

    @field_validator("submitted_at", mode="before")
    @classmethod
    def _rfc3339_text(cls, value: Any, info: ValidationInfo) -> Any:
        if not _contract(info):
            return value
        if not isinstance(value, str):
            raise PydanticCustomError(
                "rfc3339",
                "must be a string: an RFC 3339 date and time with its offset, " + _RFC3339_EXAMPLE,
            )
        if _DATE_ONLY.fullmatch(value):
            raise PydanticCustomError(
                "rfc3339",
                "is a date without a time: the contract wants an RFC 3339 date and time "
                "with its offset, " + _RFC3339_EXAMPLE,
            )
        return value

    @field_validator("submitted_at")
    @classmethod
    def _with_offset(cls, value: dt.datetime, info: ValidationInfo) -> dt.datetime:
        """Without an offset the moment is unknown (read in whatever zone the server is in),
        and the time-of-day checks would be off by hours."""
        if value.tzinfo is None and _contract(info):
            raise PydanticCustomError(
                "rfc3339",
                "has no time-zone offset: the contract wants RFC 3339 with one, "
                + _RFC3339_EXAMPLE,
            )
        return value


Decision = Literal["allow", "verify", "review", "block", "error"]


class Reason(BaseModel):
    code: str
    message: str
    contribution: float | None = None
    evidence: dict[str, Any] = Field(default_factory=dict)


class SanctionsMatch(BaseModel):
    """One hit of an applicant's name, company or address on a sanctions list."""

    list: str
    entity_id: str
    name: str
    matched_field: str | None = None
    score: float = Field(ge=0, le=1)
    features: dict[str, float] = Field(default_factory=dict)


class Assessment(BaseModel):
    """HireGuard's answer for one application (contract ``hireguard/assessment/v1``)."""

    application_id: str
    risk_score: float = Field(ge=0, le=100)
    decision: Decision
    reasons: list[Reason] = Field(default_factory=list)
    sanctions_matches: list[SanctionsMatch] = Field(default_factory=list)
    cluster_id: str | None = None
    model_version: str | None = None
    error: str | None = None
