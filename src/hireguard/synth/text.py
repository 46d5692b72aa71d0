"""Resume summaries and cover letters, assembled from many interchangeable phrasings.

Each text is a few sentences drawn from pools of openings, middles and closings with slots
(years, skills, employer, job title), so two applicants rarely share a sentence by chance.
The "assistant" style is the breathless register writing assistants produce; honest
applicants use it too.
"""

from __future__ import annotations

import random

_NUM_WORDS = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
)


def years_phrase(rng: random.Random, years: int) -> str:
    if years <= 0:
        return "less than a year"
    word = _NUM_WORDS[years] if years < len(_NUM_WORDS) and rng.random() < 0.4 else str(years)
    return f"{word}{'+' if rng.random() < 0.2 else ''} year{'s' if years != 1 else ''}"


_SUMMARY_OPEN = (
    "{role} with {years} of experience in {s1} and {s2}.",
    "{role} with {years} building production systems in {s1}.",
    "I am {a_role} with {years} of hands-on work in {s1}, {s2} and {s3}.",
    "{years_cap} as {a_role}, most recently at {employer}.",
    "{role} focused on {s1} and {s2}; {years} in the industry.",
    "Experienced {role_l} ({years}) working mainly with {s1}.",
    "{role}. {years} of {s1}, {s2} and a lot of {s3}.",
    "Pragmatic {role_l} who likes {s1}, {s2} and shipping small, safe changes.",
    "{role} at {employer}; previously {prev}.",
    "Results-driven {role_l} with {years} of experience delivering {s1} solutions.",
)
_SUMMARY_MID = (
    "Led the migration of a legacy service to {s2}, cutting p95 latency by {pct}%.",
    "Built and maintained {s1} pipelines used by {n} internal teams.",
    "Mentored {k} junior engineers and ran our code-review guild.",
    "Owned on-call for a service handling {n}k requests per second.",
    "Shipped {k} customer-facing features with measurable impact on retention.",
    "Reduced cloud spend by {pct}% by rightsizing {s3} workloads.",
    "Introduced automated testing that raised coverage from {pct}% to {pct2}%.",
    "Worked closely with product and design in a team of {k}.",
    "Comfortable across the stack, strongest in {s1}.",
    "Wrote internal documentation and onboarding guides that new hires still use.",
    "Contributed fixes to open-source {s2} libraries.",
    "Automated reporting in {s1}, saving about {k} hours a week.",
    "Improved ticket resolution time by {pct}% through better runbooks.",
    "Designed the data model and APIs for a {s2}-based billing system.",
    "Ran the {s3} upgrade across {n} services without downtime.",
)
_SUMMARY_CLOSE = (
    "Looking for a remote role with a product-minded team.",
    "Open to remote work across US time zones.",
    "Interested in teams that value testing and clear writing.",
    "",
    "",
    "Currently based in {city}.",
    "Happy to share code samples on request.",
    "Seeking a team where I can grow into a lead role.",
)

_LETTER_PLAIN_OPEN = (
    "Dear Hiring Manager,",
    "Hello,",
    "Hi {company_team},",
    "Dear {company_team},",
    "To the hiring team,",
    "Hello {company_team},",
)
_LETTER_PLAIN_BODY = (
    "I'm applying for the {job} role. I have spent {years} working on {s1} and {s2}, most "
    "recently at {employer}.",
    "I'd like to be considered for the {job} position. At {employer} I work on {s1}, and "
    "before that I was at {prev}.",
    "Your {job} opening caught my eye because it matches what I do every day: {s1} and {s2}.",
    "I am writing about the {job} position. My background is {years} of {s1} work, recently "
    "at {employer}.",
    "I saw the {job} posting on {channel} and wanted to reach out directly.",
    "A former colleague pointed me to your {job} opening, so here I am.",
)
_LETTER_PLAIN_MID = (
    "One thing I'm proud of: {achievement}",
    "In my current role, {achievement_l}",
    "Recently {achievement_l}",
    "I enjoy {s3} work and I'm happy to pick up whatever the team needs.",
    "I work best with clear goals and regular feedback.",
    "I've been remote for {k} years and I'm used to async communication.",
    "I am comfortable working with colleagues in other time zones.",
)
_LETTER_PLAIN_CLOSE = (
    "Thanks for your time. {name}",
    "Thank you for considering my application.\n{name}",
    "Looking forward to hearing from you.\nBest,\n{name}",
    "Best regards,\n{name}",
    "Cheers,\n{first}",
    "Kind regards, {name}",
    "Thanks,\n{first}",
)
_LETTER_ASSISTANT = (
    "Dear Hiring Manager, I am thrilled to apply for the {job} position at your esteemed "
    "organization. With {years} of experience in {s1}, {s2} and {s3}, I am confident that I "
    "would be a valuable asset to your team.",
    "Dear Hiring Team, I am excited to submit my application for the {job} role. My extensive "
    "experience with {s1} and {s2}, combined with my passion for cutting-edge technology, makes "
    "me an ideal candidate for this opportunity.",
    "I am writing to express my strong interest in the {job} position. As a highly motivated "
    "professional with {years} of experience in {s1}, I am eager to contribute to your "
    "innovative team and help drive impactful results.",
    "Dear Sir or Madam, I am delighted to apply for this exciting opportunity. Throughout my "
    "career I have consistently delivered high-quality solutions using {s1} and {s2}, and I "
    "thrive in fast-paced, collaborative environments.",
)
_LETTER_ASSISTANT_MID = (
    "In my previous roles I have successfully led cross-functional initiatives, optimized "
    "performance, and delivered scalable solutions that exceeded stakeholder expectations.",
    "I am a fast learner, a dedicated team player, and I take pride in writing clean, "
    "maintainable, and well-documented code.",
    "I am passionate about leveraging technology to solve complex problems and create "
    "meaningful user experiences.",
    "My ability to adapt quickly to new technologies and my strong problem-solving skills "
    "enable me to hit the ground running.",
    "I am particularly drawn to your company's commitment to innovation and excellence.",
)
_LETTER_ASSISTANT_CLOSE = (
    "Thank you for considering my application. I look forward to the opportunity to discuss "
    "how my skills and experience align with your needs.\nSincerely,\n{name}",
    "I would welcome the opportunity to further discuss how I can contribute to your team's "
    "success. Thank you for your time and consideration.\nBest regards,\n{name}",
    "Thank you for your time and consideration. I am available to start immediately and can "
    "work flexible hours to match your team.\nWarm regards,\n{name}",
)
_ACHIEVEMENTS = (
    "I rebuilt our deployment pipeline so releases went from weekly to daily.",
    "I cut the nightly batch job from six hours to forty minutes.",
    "I led the rollout of feature flags across our services.",
    "I designed the on-call process our team still uses.",
    "I moved our reporting off spreadsheets into a proper warehouse.",
    "I shipped offline support for our mobile app.",
    "I halved the number of support tickets about billing.",
    "I migrated a monolith's authentication into its own service.",
    "I set up monitoring that caught two outages before customers noticed.",
)


def _fmt(template: str, slots: dict[str, str]) -> str:
    return template.format_map(slots)


def _slots(
    rng: random.Random,
    skills: list[str],
    role: str,
    years: int,
    employer: str,
    prev: str,
    city: str,
) -> dict[str, str]:
    n = len(skills)
    if n >= 3:
        i = int(rng.random() * n)
        s1, s2, s3 = skills[i], skills[(i + 1) % n], skills[(i + 2) % n]
    else:
        s1, s2, s3 = ([*skills, "testing", "SQL", "APIs"])[:3]
    pct = 15 + int(rng.random() * 55)
    return {
        "role": role,
        "role_l": role,
        "a_role": ("an " if role[:1] in "AEIO" else "a ") + role,
        "years": (years_text := years_phrase(rng, years)),
        "years_cap": years_text[:1].upper() + years_text[1:],
        "s1": s1,
        "s2": s2,
        "s3": s3,
        "employer": employer,
        "prev": prev.rstrip("."),
        "city": city,
        "pct": str(pct),
        "pct2": str(min(95, pct + 10 + int(rng.random() * 30))),
        "n": str(3 + int(rng.random() * 57)),
        "k": str(2 + int(rng.random() * 7)),
    }


def resume_summary(
    rng: random.Random,
    *,
    skills: list[str],
    role: str,
    years: int,
    employer: str,
    prev: str,
    city: str,
) -> str:
    slots = _slots(rng, skills, role, years, employer, prev, city)
    parts = [_fmt(rng.choice(_SUMMARY_OPEN), slots)]
    for tmpl in rng.sample(_SUMMARY_MID, rng.randrange(1, 4)):
        parts.append(_fmt(tmpl, slots))
    close = _fmt(rng.choice(_SUMMARY_CLOSE), slots)
    if close:
        parts.append(close)
    if rng.random() < 0.5:
        parts.append("Skills: " + ", ".join(skills[: rng.randrange(4, 9)]) + ".")
    return " ".join(parts)


def cover_letter(
    rng: random.Random,
    *,
    style: str,
    name: str,
    job: str,
    skills: list[str],
    years: int,
    employer: str,
    prev: str,
    company_team: str,
    channel: str,
) -> str:
    """A cover letter in ``style``: plain (people writing their own), assistant, or terse."""
    slots = _slots(rng, skills, job, years, employer, prev, "")
    slots.update(
        {
            "name": name,
            "first": name.split()[0],
            "job": job,
            "company_team": company_team,
            "channel": channel,
        }
    )
    if style == "assistant":
        parts = [_fmt(rng.choice(_LETTER_ASSISTANT), slots)]
        parts += [_fmt(t, slots) for t in rng.sample(_LETTER_ASSISTANT_MID, rng.randrange(1, 4))]
        parts.append(_fmt(rng.choice(_LETTER_ASSISTANT_CLOSE), slots))
        return " ".join(parts[:-1]) + "\n" + parts[-1]
    if style == "terse":
        return _fmt(
            rng.choice(
                (
                    "Hi, applying for {job}. Resume attached. Thanks, {first}",
                    "Please find my resume attached for the {job} role. {name}",
                    "Interested in the {job} role; {years} of {s1}. Thanks!",
                )
            ),
            slots,
        )
    achievement = rng.choice(_ACHIEVEMENTS)
    slots["achievement"] = achievement
    slots["achievement_l"] = achievement[0].lower() + achievement[1:]
    parts = [
        _fmt(rng.choice(_LETTER_PLAIN_OPEN), slots),
        _fmt(rng.choice(_LETTER_PLAIN_BODY), slots),
    ]
    parts += [_fmt(t, slots) for t in rng.sample(_LETTER_PLAIN_MID, rng.randrange(1, 3))]
    parts.append(_fmt(rng.choice(_LETTER_PLAIN_CLOSE), slots))
    return "\n\n".join(parts)
