"""HG-DEV: what the applicant's computer says about who controls it.

Laptop farms keep company laptops in a US home and let operators abroad drive them through
remote-control software or IP-KVM devices; the browser reports these as installed tools or
as a virtual display adapter. Language and keyboard settings are context only (fairness
rule): they never add risk on their own.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

from hireguard.detect.network import astrill_at_home
from hireguard.detect.registry import Finding, detector
from hireguard.enrich.timezones import zone_country
from hireguard.enrich.types import EnrichedApplication

SCW24 = (
    "Secureworks CTU, NICKEL TAPESTRY report, 2024-10 (unsanctioned AnyDesk and Chrome Remote "
    "Desktop; Astrill VPN)"
)
SOPH25 = (
    "Sophos CTU, 'NICKEL TAPESTRY expands fraudulent worker operations', 2025 (several remote "
    "monitoring and management tools on one host)"
)
MND24 = (
    "Mandiant/Google Cloud, 'Staying a Step Ahead: Mitigating the DPRK IT Worker Threat', "
    "2024-09-23 (remote administration tools to monitor)"
)
PSA24 = (
    "FBI I-051624-PSA / PSA250723-4, 'North Korea Leverages U.S.-Based Individuals to Defraud "
    "U.S. Businesses' (facilitators install remote desktop software on hosted laptops)"
)
DOJ0630 = (
    "US DOJ, 'DPRK RevGen: Domestic Enabler Initiative' coordinated actions, 2025-06-30 "
    "(laptops attached to KVM switches)"
)
KVM_LOW = (
    "Community reports of PiKVM / TinyPilot on laptop-farm laptops (low-confidence sources, "
    "see shared/data/dprk/SOURCES.md)"
)
ADV22 = (
    "US State/Treasury/FBI, 'Guidance on the DPRK Information Technology Workers', 2022-05-16 "
    "(remote desktop on the access path)"
)
SEED = (
    "Employer's practice reported in the seed story (2025): flag hardware typical of "
    "low-cost laptops, e.g. 8 GB RAM and integrated graphics"
)
PSA23 = (
    "FBI/ROK PSA231018, 'Additional Guidance on the DPRK IT Workers', 2023-10-18 (Korean "
    "language preference while claiming a non-Korean-speaking country: context only)"
)

# What endpoint agents and browsers report, as the products they are. Reports name the same
# product many ways ("AnyDesk", "AnyDesk.exe", "anydesk 8.0.9", "TeamViewer_Service.exe",
# "TeamViewer QuickSupport", "Chrome Remote Desktop Host", "remoting_host.exe"), so a name
# is reduced to its letters and digits and searched for these stems, first match wins (the
# Chrome host before plain "remote desktop"). Kinds: "astrill" (the VPN client), "kvm" (a
# keyboard-video-mouse device), "remote" (remote-control software).
_TOOL_STEMS: tuple[tuple[str, str, str], ...] = (
    ("astrill", "astrill", "Astrill VPN"),
    ("asproxy", "astrill", "Astrill VPN"),
    ("asovpnc", "astrill", "Astrill VPN"),
    ("pikvm", "kvm", "PiKVM"),
    ("tinypilot", "kvm", "TinyPilot"),
    ("blikvm", "kvm", "BliKVM"),
    ("jetkvm", "kvm", "JetKVM"),
    ("nanokvm", "kvm", "NanoKVM"),
    ("kvmswitch", "kvm", "KVM switch"),
    ("kvm", "kvm", "IP-KVM"),
    ("anydesk", "remote", "AnyDesk"),
    ("teamviewer", "remote", "TeamViewer"),
    ("chromeremotedesktop", "remote", "Chrome Remote Desktop"),
    ("googleremotedesktop", "remote", "Chrome Remote Desktop"),
    ("remotinghost", "remote", "Chrome Remote Desktop"),
    ("rustdesk", "remote", "RustDesk"),
    ("splashtop", "remote", "Splashtop"),
    ("parsec", "remote", "Parsec"),
    ("screenconnect", "remote", "ScreenConnect"),
    ("connectwise", "remote", "ScreenConnect"),
    ("logmein", "remote", "LogMeIn"),
    ("gotomypc", "remote", "GoTo"),
    ("gotoresolve", "remote", "GoTo"),
    ("gotoassist", "remote", "GoTo"),
    ("ammyy", "remote", "Ammyy Admin"),
    ("supremo", "remote", "Supremo"),
    ("remotepc", "remote", "RemotePC"),
    ("zohoassist", "remote", "Zoho Assist"),
    ("dwservice", "remote", "DWService"),
    ("dwagent", "remote", "DWService"),
    ("ultraviewer", "remote", "UltraViewer"),
    ("anyviewer", "remote", "AnyViewer"),
    ("aeroadmin", "remote", "AeroAdmin"),
    ("nomachine", "remote", "NoMachine"),
    ("meshcentral", "remote", "MeshCentral"),
    ("meshagent", "remote", "MeshCentral"),
    ("netsupport", "remote", "NetSupport"),
    ("remoteutilities", "remote", "Remote Utilities"),
    ("quickassist", "remote", "Quick Assist"),
    ("bomgar", "remote", "BeyondTrust Remote Support"),
    ("beyondtrust", "remote", "BeyondTrust Remote Support"),
    ("vnc", "remote", "VNC"),
    ("mstsc", "remote", "Remote Desktop (RDP)"),
    ("remotedesktop", "remote", "Remote Desktop (RDP)"),
    ("termsrv", "remote", "Remote Desktop (RDP)"),
    ("rdp", "remote", "Remote Desktop (RDP)"),
)
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


@functools.lru_cache(maxsize=4096)
def classify_tool(name: str) -> tuple[str, str] | None:
    """``(kind, product)`` for a reported remote-access tool or device, or None when it is
    none of the known ones. Kinds: ``remote`` (remote-control software), ``kvm`` (an IP-KVM
    or KVM switch), ``astrill`` (the Astrill VPN client)."""
    low = name.lower()
    compact = _NOT_ALNUM.sub("", low)
    tokens = _NOT_ALNUM.split(low)
    for stem, kind, product in _TOOL_STEMS:
        if len(stem) > 3:
            if stem in compact:
                return kind, product
        # a short stem only starts or ends a word: "xrdp", "tightvnc", "ipkvm", not "wordpad"
        elif any(t.startswith(stem) or t.endswith(stem) for t in tokens):
            return kind, product
    return None


def tools_of_kind(tools: Iterable[str], *kinds: str) -> list[str]:
    """The products of the given kinds among reported tools, sorted and without repeats."""
    if not tools:
        return []  # the usual case: no tool reported
    found = {c[1] for t in tools if (c := classify_tool(t)) is not None and c[0] in kinds}
    return sorted(found)


_VIRTUAL_RENDERERS = re.compile(
    r"swiftshader|llvmpipe|softpipe|vmware svga|virtualbox|microsoft basic render|"
    r"parallels display|qxl|virgl|red hat virtio|citrix|remotefx",
    re.IGNORECASE,
)
_INTEGRATED_GPU = re.compile(
    r"intel\(r\) (uhd|hd) graphics|intel hd|mali|adreno|powervr", re.IGNORECASE
)


@functools.lru_cache(maxsize=4096)
def _integrated_gpu(renderer: str) -> bool:
    """Whether a WebGL renderer string names integrated graphics (cached, as renderers
    repeat)."""
    return _INTEGRATED_GPU.search(renderer) is not None


@functools.lru_cache(maxsize=4096)
def _virtual_renderer(renderer: str) -> str | None:
    """The virtual or remote adapter named in a WebGL renderer string (a small vocabulary,
    so the answer is cached)."""
    match = _VIRTUAL_RENDERERS.search(renderer)
    return match.group(0) if match else None


@detector(
    id="HG-DEV-001",
    title="Remote-control software on the applicant's computer",
    severity="medium",
    weight=1.4,
    sources=[SCW24, SOPH25, MND24, PSA24],
    false_positives=[
        "IT-support and help-desk staff who use remote tools for work",
        "people who let a relative help them with their computer",
    ],
)
def remote_control_software(app: EnrichedApplication) -> Iterator[Finding]:
    """Remote-control software (AnyDesk, TeamViewer, Chrome Remote Desktop, RustDesk ...)
    was detected on the machine that sent the application. Several at once, as Sophos
    describes on laptop-farm hosts, weigh more."""
    session = app.app.session
    if session is None:
        return
    tools = tools_of_kind(session.remote_access_tools, "remote")
    if not tools:
        return
    several = len(tools) >= 2
    yield remote_control_software.finding(
        (
            "Several remote-control tools are running: "
            if several
            else "Remote-control software is running: "
        )
        + ", ".join(tools)
        + ".",
        evidence={"tools": tools},
        weight=2.2 if several else None,
        severity="high" if several else None,
    )


@detector(
    id="HG-DEV-002",
    title="IP-KVM or KVM device attached",
    severity="high",
    weight=2.6,
    sources=[DOJ0630, KVM_LOW],
    false_positives=["home-lab enthusiasts and server administrators who use an IP-KVM"],
)
def kvm_device(app: EnrichedApplication) -> Iterator[Finding]:
    """A keyboard-video-mouse device (PiKVM, TinyPilot, a KVM switch) is attached: the way
    laptop farms let someone abroad type on a company laptop without software traces."""
    session = app.app.session
    if session is None:
        return
    devices = tools_of_kind(session.remote_access_tools, "kvm")
    if devices:
        yield kvm_device.finding(
            "A remote keyboard-video-mouse device is attached: " + ", ".join(devices) + ".",
            evidence={"devices": devices},
        )


@detector(
    id="HG-DEV-003",
    title="Astrill VPN client on the computer",
    severity="high",
    weight=1.8,
    sources=[
        SCW24,
        "Astrill Linux client process names (astrill, asproxy, asovpnc); see "
        "shared/data/dprk/SOURCES.md ASTRILLPKG",
    ],
    false_positives=["honest users in countries with censored internet use Astrill"],
)
def astrill_client(app: EnrichedApplication) -> Iterator[Finding]:
    """The Astrill VPN client (documented as DPRK IT workers' favourite VPN) is running;
    a third of the weight for someone who says they live in China, where it is common."""
    session = app.app.session
    if session is None or not session.remote_access_tools:
        return
    found = sorted(
        {t for t in session.remote_access_tools if (c := classify_tool(t)) and c[0] == "astrill"}
    )
    if found:
        note, weight = astrill_at_home(app, astrill_client)
        yield astrill_client.finding(
            "The Astrill VPN client is running on the computer." + note,
            evidence={"processes": found},
            weight=weight,
        )


@detector(
    id="HG-DEV-004",
    title="Virtual or remote display adapter",
    severity="medium",
    weight=1.0,
    sources=[ADV22, PSA24],
    false_positives=[
        "developers who browse from a virtual machine",
        "thin clients and virtual desktops provided by a current employer",
    ],
)
def virtual_display(app: EnrichedApplication) -> Iterator[Finding]:
    """The browser's graphics renderer is a software or virtual adapter (Microsoft Basic
    Render Driver of a Remote Desktop session, VMware, VirtualBox, SwiftShader): the page
    was probably drawn inside a remote or virtual session."""
    session = app.app.session
    if session is None or not session.gpu_renderer:
        return
    adapter = _virtual_renderer(session.gpu_renderer)
    if adapter:
        yield virtual_display.finding(
            f"The browser draws with a virtual or remote display adapter ({adapter}).",
            evidence={"gpu_renderer": session.gpu_renderer},
        )


@detector(
    id="HG-DEV-005",
    title="Low-cost hardware profile (weak)",
    severity="info",
    weight=0.0,
    sources=[SEED],
    false_positives=[
        "most people with an inexpensive laptop; cheap hardware follows income, and so where "
        "people live, which is why it carries no weight",
    ],
)
def low_cost_hardware(app: EnrichedApplication) -> Iterator[Finding]:
    """At most 4 cores, at most 8 GB of memory and integrated graphics: the profile of the
    inexpensive laptops farms are stocked with. A hint for the analyst, nothing in the
    score (weight 0): cheap hardware follows income and so the country people live in, and
    on the held-out-style population (``bench/heldout``) it fired more often on honest
    applicants than on fraud (18 % against 13 %)."""
    session = app.app.session
    if session is None:
        return
    cores, mem, gpu = session.hardware_concurrency, session.device_memory_gb, session.gpu_renderer
    if cores is None or mem is None or not gpu:
        return
    if cores <= 4 and mem <= 8 and _integrated_gpu(gpu):
        yield low_cost_hardware.finding(
            f"Inexpensive hardware: {cores} cores, {mem:g} GB, integrated graphics.",
            evidence={"cores": cores, "memory_gb": mem},
        )


def _lang_region(tag: str) -> str | None:
    parts = tag.replace("_", "-").split("-")
    if len(parts) >= 2 and len(parts[-1]) == 2 and parts[-1].isalpha():
        return parts[-1].upper()
    return None


@detector(
    id="HG-DEV-006",
    title="Language or keyboard settings that go with an undeclared location (context)",
    severity="info",
    weight=0.0,
    sources=[PSA23],
    false_positives=[
        "bilingual people and people of any heritage: this is why it carries no weight",
    ],
)
def locale_context(app: EnrichedApplication) -> Iterator[Finding]:
    """Context only, never a risk (fairness rule): shown when the browser's languages or
    keyboards name the same region as its time zone, and that region is not the claimed
    home. A Korean-American in Los Angeles with a Korean keyboard raises nothing."""
    session = app.app.session
    addr = app.app.applicant.address
    if session is None or not session.timezone or addr is None or not addr.country:
        return
    tz_country = zone_country(session.timezone)
    if tz_country is None or tz_country == addr.country:
        return
    tags = [*session.languages, *session.keyboard_layouts]
    matching = sorted({t for t in tags if _lang_region(t) == tz_country})
    if matching:
        yield locale_context.finding(
            f"Context: language/keyboard settings {', '.join(matching)} go with the browser's "
            f"time zone, not with the declared home country.",
            evidence={"settings": matching, "timezone_country": tz_country},
        )
