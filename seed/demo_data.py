"""Demo data: a realistic decade of the portal's activity, reproducible from a seed.

Used by ``manage.py generate_demo_data`` and by ``make bench``. Scale 1 is about one decade: 600
commitments with 6,000 progress reports, 1,500 people on the roster, 300 training editions with
12,000 participants, 12 conferences with 400 recommendations, contact-group meetings and documents;
scale 10 is ten times as much. The 57 member states, the resolutions' paragraphs, organisations and
the roster's vocabularies are reused when ``load_reference_data`` has loaded them (they do not grow
with the scale); otherwise a minimal set is created.

Reproducible: every choice comes from ``random.Random(seed)`` and every date from the fixed
``ANCHOR`` (never from today), including ``created_at``/``updated_at``, so two runs with the same
seed into fresh databases store identical rows (``digest()`` checks it).

Fast: rows are written with ``bulk_create`` in batches. That bypasses model signals, so
django-simple-history records no history for demo rows and the dashboard cache is refreshed
explicitly at the end.

Recognisable: commitments, progress reports and roster nominations are recorded by the
``demo-data-generator`` user, and participants' e-mail addresses end in ``@demo.invalid``. Anything
else in those tables is real data, which the generator refuses to mix with unless forced.
"""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import random
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import connection, models, transaction
from django.db.models import Max
from django.utils import translation

from conferences.models import (
    Conference,
    Document,
    FollowUpStatus,
    Recommendation,
    RecommendationFollowUp,
    Session,
    SessionSpeaker,
    Speaker,
)
from network.models import (
    ContactGroup,
    ContactGroupMeeting,
    ContactGroupMembership,
    Deployment,
    ExpertiseArea,
    FieldContext,
    Gender,
    Language,
    MeetingLevel,
    MemberState,
    Organisation,
    Region,
    RosterMember,
    RosterRole,
)
from resolutions.models import Commitment, CommitmentStatus, Paragraph, ProgressReport, Resolution
from trainings.models import Edition, Level, Participant, Programme

ANCHOR = datetime.date(2026, 6, 30)
DECADE_DAYS = 3652
DECADE_START = ANCHOR - datetime.timedelta(days=DECADE_DAYS)
DEMO_USERNAME = "demo-data-generator"
DEMO_EMAIL_DOMAIN = "demo.invalid"
BATCH_SIZE = 2000

# Rows per unit of scale. States, paragraphs, organisations and vocabularies do not scale.
BASE_COUNTS = {
    "commitments": 600,
    "progress_reports": 6000,
    "roster_members": 1500,
    "extra_roster_roles": 300,
    "deployments": 500,
    "programmes": 20,
    "editions": 300,
    "participants": 12000,
    "conferences": 12,
    "speakers": 100,
    "recommendations": 400,
    "follow_ups": 800,
    "meetings": 40,
    "documents": 60,
}
SESSIONS_PER_CONFERENCE = 4
SPEAKERS_PER_SESSION = 3


class DemoDataRefused(Exception):
    """The database holds data the generator must not mix with (see ``real_data_counts``)."""


def planned_counts(scale: float) -> dict[str, int]:
    """How many rows of each kind ``scale`` gives; at least one of each."""
    if not (0 < scale <= 100):
        raise ValueError("The scale must be more than 0 and at most 100.")
    counts = {name: max(1, round(base * scale)) for name, base in BASE_COUNTS.items()}
    counts["programmes"] = min(counts["programmes"], counts["editions"])
    counts["speakers"] = max(counts["speakers"], SPEAKERS_PER_SESSION)
    counts["follow_ups"] = max(counts["follow_ups"], counts["recommendations"])
    return counts


# -- what counts as real data ------------------------------------------------------------------


def demo_user():
    return get_user_model().objects.filter(username=DEMO_USERNAME).first()


def real_data_counts() -> dict[str, int]:
    """Rows the generator did not create, in the tables people fill in; empty when there are none."""
    user = demo_user()
    querysets = {
        "commitments": Commitment.objects.exclude(created_by=user),
        "progress reports": ProgressReport.objects.exclude(reported_by=user),
        "roster members": RosterMember.objects.exclude(nominated_by_user=user),
        "training participants": Participant.objects.exclude(
            email__endswith=f"@{DEMO_EMAIL_DOMAIN}"
        ),
    }
    if user is None:
        querysets = {
            label: queryset.model.objects.all() if label != "training participants" else queryset
            for label, queryset in querysets.items()
        }
    counts = {label: queryset.count() for label, queryset in querysets.items()}
    return {label: count for label, count in counts.items() if count}


def demo_data_present() -> bool:
    user = demo_user()
    return user is not None and Commitment.objects.filter(created_by=user).exists()


# -- helpers -------------------------------------------------------------------------------------


def _at(day: datetime.date, hour: int = 9) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=datetime.UTC)


@contextlib.contextmanager
def _fixed_timestamps() -> Iterator[None]:
    """Let ``created_at``/``updated_at`` take the values the generator gives them.

    ``auto_now``/``auto_now_add`` would stamp today's time; demo rows carry dates derived from the
    anchor instead. Only this process's field objects change, and only for the duration.
    """
    changed = []
    for model in _tracked_models():
        for name in ("created_at", "updated_at"):
            field = model._meta.get_field(name)
            changed.append((field, field.auto_now, field.auto_now_add))
            field.auto_now = field.auto_now_add = False
    try:
        yield
    finally:
        for field, auto_now, auto_now_add in changed:
            field.auto_now, field.auto_now_add = auto_now, auto_now_add


def _tracked_models() -> list[type[models.Model]]:
    return [
        model
        for model in GENERATED_MODELS
        if any(field.name == "created_at" for field in model._meta.concrete_fields)
    ]


FIRST_NAMES = {
    Gender.FEMALE: [
        "Aisha", "Fatima", "Mariam", "Zeynep", "Amina", "Nur", "Leila", "Khadija", "Aylin",
        "Salma", "Hafsa", "Yasmin", "Awa", "Dewi", "Gulnara", "Samira", "Rania", "Elif",
    ],
    Gender.MALE: [
        "Ahmed", "Mehmet", "Ibrahim", "Yusuf", "Omar", "Moussa", "Bilal", "Hasan", "Karim",
        "Tariq", "Emre", "Abdoulaye", "Farid", "Rustam", "Idris", "Amadou", "Hamza", "Arif",
    ],
}  # fmt: skip
LAST_NAMES = [
    "Al-Harbi", "Yilmaz", "Diallo", "Rahman", "Haddad", "Kaya", "Sow", "Nasser", "Khan",
    "Demir", "Traoré", "Saleh", "Hussein", "Aliyev", "Karimov", "Ba", "Siddiqui", "Mansour",
    "Öztürk", "Ndiaye", "Aziz", "Hakimi", "Suleiman", "Wijaya", "Osman", "Camara", "Mahmoud",
]  # fmt: skip
PLACES = [
    "Istanbul", "Jeddah", "Ankara", "Dakar", "Kuala Lumpur", "Rabat", "Baku", "Doha",
    "Abu Dhabi", "Jakarta", "Cairo", "Tashkent", "Abuja", "Islamabad", "Amman", "Tunis",
]  # fmt: skip

# (unit, English, French, Arabic, low, high) — what a commitment pledges, with a typical target.
PLEDGES = [
    (
        Commitment.Unit.DIPLOMATS_TRAINED,
        "Train {n} diplomats in mediation",
        "Former {n} diplomates à la médiation",
        "تدريب {n} دبلوماسيين على الوساطة",
        5,
        120,
    ),
    (
        Commitment.Unit.TRAINING_EDITIONS,
        "Host {n} training editions",
        "Accueillir {n} sessions de formation",
        "استضافة {n} دورات تدريبية",
        1,
        8,
    ),
    (
        Commitment.Unit.EXPERTS_NOMINATED,
        "Nominate {n} experts to the network",
        "Proposer {n} experts au réseau",
        "ترشيح {n} خبراء للشبكة",
        1,
        12,
    ),
    (
        Commitment.Unit.EVENTS,
        "Organise {n} events on mediation",
        "Organiser {n} événements sur la médiation",
        "تنظيم {n} فعاليات حول الوساطة",
        1,
        10,
    ),
    (
        Commitment.Unit.USD,
        "Contribute USD {n} to the mediation unit",
        "Verser {n} USD à l'unité de médiation",
        "المساهمة بمبلغ {n} دولار لوحدة الوساطة",
        10_000,
        500_000,
    ),
    (
        Commitment.Unit.STAFF,
        "Second {n} staff to the PSCU",
        "Détacher {n} agents auprès de l'unité",
        "إعارة {n} موظفين للوحدة",
        1,
        4,
    ),
    (
        Commitment.Unit.ACTIONS,
        "Carry out {n} mediation support actions",
        "Mener {n} actions d'appui à la médiation",
        "تنفيذ {n} إجراءات لدعم الوساطة",
        1,
        15,
    ),
]

FALLBACK_STATES = """
AF AFG Afghanistan as|AL ALB Albania -|DZ DZA Algeria ar|AZ AZE Azerbaijan as|BH BHR Bahrain ar
BD BGD Bangladesh as|BJ BEN Benin af|BN BRN Brunei as|BF BFA Burkina-Faso af|CM CMR Cameroon af
TD TCD Chad af|KM COM Comoros ar|CI CIV Cote-d'Ivoire af|DJ DJI Djibouti ar|EG EGY Egypt ar
GA GAB Gabon af|GM GMB The-Gambia af|GN GIN Guinea af|GW GNB Guinea-Bissau af|GY GUY Guyana -
ID IDN Indonesia as|IR IRN Iran as|IQ IRQ Iraq ar|JO JOR Jordan ar|KZ KAZ Kazakhstan as
KW KWT Kuwait ar|KG KGZ Kyrgyzstan as|LB LBN Lebanon ar|LY LBY Libya ar|MY MYS Malaysia as
MV MDV Maldives as|ML MLI Mali af|MR MRT Mauritania ar|MA MAR Morocco ar|MZ MOZ Mozambique af
NE NER Niger af|NG NGA Nigeria af|OM OMN Oman ar|PK PAK Pakistan as|PS PSE Palestine ar
QA QAT Qatar ar|SA SAU Saudi-Arabia ar|SN SEN Senegal af|SL SLE Sierra-Leone af|SO SOM Somalia ar
SD SDN Sudan ar|SR SUR Suriname -|SY SYR Syria ar|TJ TJK Tajikistan as|TG TGO Togo af
TN TUN Tunisia ar|TR TUR Türkiye as|TM TKM Turkmenistan as|UG UGA Uganda af
AE ARE United-Arab-Emirates ar|UZ UZB Uzbekistan as|YE YEM Yemen ar
"""
GROUPS = {"af": "african", "ar": "arab", "as": "asian", "-": ""}


def fallback_states() -> list[tuple[str, str, str, str]]:
    """The 57 member states as (ISO alpha-2, alpha-3, English name, geographic group)."""
    rows = []
    for entry in FALLBACK_STATES.replace("\n", "|").split("|"):
        if entry.strip():
            iso2, iso3, name, group = entry.split()
            rows.append((iso2, iso3, name.replace("-", " "), GROUPS[group]))
    return rows


def _slugify(name: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in name.lower()).strip("-")


# -- the generator -------------------------------------------------------------------------------


@dataclass
class GenerationResult:
    created: dict[str, int]
    seconds: float = 0.0


class DemoDataGenerator:
    def __init__(self, *, scale: float, seed: int, progress: Callable[[int], None] | None = None):
        self.counts = planned_counts(scale)
        self.random = random.Random(seed)
        self.progress = progress or (lambda rows: None)
        self.created: dict[str, int] = {}

    # The one write primitive: batched inserts, counted for the summary and the progress bar.
    def insert(self, model: type[models.Model], rows: Sequence[models.Model]) -> list:
        objects = []
        for start in range(0, len(rows), BATCH_SIZE):
            batch = rows[start : start + BATCH_SIZE]
            objects.extend(model._default_manager.bulk_create(batch))
            self.progress(len(batch))
        label = model._meta.label
        self.created[label] = self.created.get(label, 0) + len(objects)
        return objects

    def day(self, start: datetime.date = DECADE_START, end: datetime.date = ANCHOR):
        return start + datetime.timedelta(days=self.random.randint(0, max((end - start).days, 0)))

    def person_name(self) -> tuple[str, str]:
        gender = self.random.choice([Gender.FEMALE, Gender.MALE, Gender.MALE])
        first = self.random.choice(FIRST_NAMES[gender])
        return f"{first} {self.random.choice(LAST_NAMES)}", gender

    def split(self, total: int, parents: int) -> list[int]:
        """``total`` items spread over ``parents`` at random, each parent's share."""
        shares = [0] * parents
        for _ in range(total):
            shares[self.random.randrange(parents)] += 1
        return shares

    @staticmethod
    def planned_rows(counts: dict[str, int]) -> int:
        """Roughly how many rows a run writes, for the progress bar's total."""
        roster = counts["roster_members"]
        sessions = counts["conferences"] * SESSIONS_PER_CONFERENCE
        return (
            sum(counts.values())
            + roster * 4  # a role and three kinds of many-to-many links per person
            + sessions * (1 + SPEAKERS_PER_SESSION)
            + counts["recommendations"]
            + counts["meetings"] * 15
        )

    # -- what the demo builds on -----------------------------------------------------------------

    def ensure_user(self):
        user, _ = get_user_model().objects.get_or_create(
            username=DEMO_USERNAME,
            defaults={
                "email": f"generator@{DEMO_EMAIL_DOMAIN}",
                "first_name": "Demo data",
                "is_active": False,
            },
        )
        if user.has_usable_password():
            user.set_unusable_password()
            user.save(update_fields=["password"])
        return user

    def ensure_states(self) -> list[MemberState]:
        taken = MemberState.objects.values_list("iso_code", "iso3_code", "slug")
        iso2s, iso3s, slugs = ({row[i] for row in taken} for i in range(3))
        new = [
            MemberState(
                iso_code=iso2,
                iso3_code=iso3,
                name_en=name,
                slug=_slugify(name),
                geographic_group=group,
                created_at=_at(DECADE_START),
                updated_at=_at(DECADE_START),
            )
            for iso2, iso3, name, group in fallback_states()
            if iso2 not in iso2s and iso3 not in iso3s and _slugify(name) not in slugs
        ]
        if not iso2s:
            self.insert(MemberState, new)
        return list(
            MemberState.objects.exclude(status=MemberState.Status.OBSERVER).order_by("iso_code")
        )

    def ensure_organisations(self) -> list[Organisation]:
        if not Organisation.objects.exists():
            names = [
                ("OIC General Secretariat", "OIC", Organisation.Kind.OIC_BODY),
                ("UN Mediation Support Unit", "MSU", Organisation.Kind.PARTNER),
                ("Organization for Security and Co-operation in Europe", "OSCE", "partner"),
                ("African Union", "AU", Organisation.Kind.PARTNER),
                ("SESRIC", "SESRIC", Organisation.Kind.OIC_BODY),
            ]
            self.insert(
                Organisation,
                [
                    Organisation(
                        name_en=name,
                        acronym_en=acronym,
                        slug=f"demo-{_slugify(acronym)}",
                        kind=kind,
                        created_at=_at(DECADE_START),
                        updated_at=_at(DECADE_START),
                    )
                    for name, acronym, kind in names
                ],
            )
        return list(Organisation.objects.order_by("slug"))

    def ensure_paragraphs(self) -> list[Paragraph]:
        if not Paragraph.objects.exists():
            resolution = Resolution.objects.order_by("id").first()
            if resolution is None:
                resolution = Resolution(
                    symbol="DEMO/45-POL",
                    title_en="Strengthening the OIC mediation capacity (demo)",
                    cfm_session=45,
                    place_en="Dhaka",
                    adopted_from=datetime.date(2018, 5, 5),
                    adopted_until=datetime.date(2018, 5, 6),
                    created_at=_at(DECADE_START),
                    updated_at=_at(DECADE_START),
                )
                self.insert(Resolution, [resolution])
            themes = [
                (4, "Strengthen the PSCU", Paragraph.Theme.INSTITUTIONS),
                (5, "Partnerships with the UN and regional organisations", "partnerships"),
                (7, "Network of mediators, special envoys and experts", Paragraph.Theme.NETWORK),
                (8, "Training in conflict resolution and mediation", Paragraph.Theme.TRAINING),
                (None, "Contact group of the Friends of Mediation", "contact_group"),
                (None, "Annual conference on mediation", Paragraph.Theme.CONFERENCE),
                (None, "Code of conduct for mediators", Paragraph.Theme.STANDARDS),
            ]
            self.insert(
                Paragraph,
                [
                    Paragraph(
                        resolution=resolution,
                        number=number,
                        title_en=title,
                        theme=theme,
                        position=position,
                        created_at=_at(DECADE_START),
                        updated_at=_at(DECADE_START),
                    )
                    for position, (number, title, theme) in enumerate(themes)
                ],
            )
        return list(Paragraph.objects.order_by("id"))

    def ensure_vocabulary(self, model, rows: list[tuple[str, str]], key: str) -> list:
        if not model.objects.exists():
            self.insert(model, [model(**{key: code, "name_en": name}) for code, name in rows])
        return list(model.objects.order_by("id"))

    def ensure_field_contexts(self, states: list[MemberState]) -> list[FieldContext]:
        if not FieldContext.objects.exists():
            by_iso = {state.iso_code: state for state in states}
            rows = ["TD", "AF", "SO", "SD", "GN", "MR", "ML", "YE"]
            self.insert(
                FieldContext,
                [
                    FieldContext(
                        name_en=by_iso[iso].name if iso in by_iso else iso,
                        slug=f"demo-context-{iso.lower()}",
                        state=by_iso.get(iso),
                        country_code=iso,
                        has_field_mission=True,
                        created_at=_at(DECADE_START),
                        updated_at=_at(DECADE_START),
                    )
                    for iso in rows
                ],
            )
        return list(FieldContext.objects.order_by("id"))

    def ensure_contact_group(self, states: list[MemberState]) -> ContactGroup:
        group = ContactGroup.objects.order_by("id").first()
        if group is not None:
            return group
        (group,) = self.insert(
            ContactGroup,
            [
                ContactGroup(
                    name_en="Contact Group of the Friends of Mediation",
                    slug="demo-friends-of-mediation",
                    established_on=DECADE_START,
                    created_at=_at(DECADE_START),
                    updated_at=_at(DECADE_START),
                )
            ],
        )
        members = self.random.sample(states, min(24, len(states)))
        self.insert(
            ContactGroupMembership,
            [
                ContactGroupMembership(
                    group=group,
                    state=state,
                    joined_on=DECADE_START,
                    created_at=_at(DECADE_START),
                    updated_at=_at(DECADE_START),
                )
                for state in members
            ],
        )
        return group

    # -- resolutions ---------------------------------------------------------------------------

    def generate_commitments(self, user, states, organisations, paragraphs) -> list[Commitment]:
        rng = self.random
        commitments = []
        for _ in range(self.counts["commitments"]):
            unit, english, french, arabic, low, high = rng.choice(PLEDGES)
            target = rng.randint(low, high) if rng.random() < 0.85 else None
            if unit == Commitment.Unit.USD and target:
                target = round(target, -3)
            pledged_on = self.day(DECADE_START, ANCHOR - datetime.timedelta(days=60))
            due_on = (
                pledged_on + datetime.timedelta(days=rng.randint(180, 1500))
                if rng.random() < 0.9
                else None
            )
            by_state = rng.random() < 0.9 or not organisations
            if target:
                figure = {"en": f"{target:,}", "fr": f"{target:,}".replace(",", "\u202f")}
                figure["ar"] = figure["en"]
            else:
                figure = {"en": "several", "fr": "plusieurs", "ar": "عدة"}
            commitments.append(
                Commitment(
                    state=rng.choice(states) if by_state else None,
                    organisation=None if by_state else rng.choice(organisations),
                    paragraph=rng.choice(paragraphs),
                    title_en=english.format(n=figure["en"]),
                    title_fr=french.format(n=figure["fr"]),
                    title_ar=arabic.format(n=figure["ar"]),
                    description_en="",
                    target_quantity=target,
                    unit=unit,
                    pledged_on=pledged_on,
                    due_on=due_on,
                    created_by=user,
                    created_at=_at(pledged_on),
                    updated_at=_at(pledged_on),
                )
            )
        return commitments

    def generate_reports(self, user, commitments: list[Commitment]) -> list[ProgressReport]:
        """Each commitment's reports in date order, its figures set from the latest validated one."""
        rng = self.random
        reports = []
        shares = self.split(self.counts["progress_reports"], len(commitments))
        for commitment, share in zip(commitments, shares, strict=True):
            if share == 0:
                continue
            days = sorted(
                self.day(commitment.pledged_on + datetime.timedelta(days=1)) for _ in range(share)
            )
            target = commitment.target_quantity or rng.randint(3, 12)
            withdrawn = rng.random() < 0.03
            quantity = 0
            latest_validated = None
            validated_count = 0
            for index, day in enumerate(days):
                last = index == share - 1
                quantity = min(target, quantity + rng.randint(0, max(1, target // share + 1)))
                if last and withdrawn:
                    status = CommitmentStatus.WITHDRAWN
                elif quantity >= target:
                    status = CommitmentStatus.DELIVERED
                else:
                    status = CommitmentStatus.IN_PROGRESS
                draw = rng.random()
                # Pending and returned reports are mostly the recent ones.
                if last and draw < 0.15:
                    review = ProgressReport.Review.SUBMITTED
                elif draw < 0.05:
                    review = ProgressReport.Review.RETURNED
                else:
                    review = ProgressReport.Review.VALIDATED
                # Strictly increasing, so "latest" is the same by date and by insertion order.
                reported_at = _at(day) + datetime.timedelta(minutes=index)
                reviewed_at = (
                    None
                    if review == ProgressReport.Review.SUBMITTED
                    else reported_at + datetime.timedelta(days=rng.randint(1, 20))
                )
                report = ProgressReport(
                    commitment=commitment,
                    status=status,
                    quantity_delivered=quantity,
                    # Delivered by the day it was reported: the latest by delivery date is then
                    # also the latest reported.
                    delivered_on=day,
                    narrative=f"Progress on “{commitment.title_en}”: {quantity} of {target} done.",
                    language=rng.choice(["en", "en", "fr", "ar"]),
                    evidence_url=(
                        f"https://example.org/demo/evidence/{len(reports) + 1}"
                        if rng.random() < 0.5
                        else ""
                    ),
                    reported_by=user,
                    reported_at=reported_at,
                    review_status=review,
                    reviewed_by=None if reviewed_at is None else user,
                    reviewed_at=reviewed_at,
                    review_comment=(
                        "Please attach evidence."
                        if review == ProgressReport.Review.RETURNED
                        else ""
                    ),
                )
                reports.append(report)
                if review == ProgressReport.Review.VALIDATED:
                    latest_validated = report
                    validated_count += 1
            if latest_validated is not None:
                commitment.status = latest_validated.status
                commitment.delivered_quantity = latest_validated.quantity_delivered
                commitment.progress_as_of = latest_validated.delivered_on
                commitment.updated_at = latest_validated.reviewed_at
                commitment.version = 1 + validated_count
        return reports

    # -- network -------------------------------------------------------------------------------

    def generate_roster(self, user, states, expertise, languages, regions, contexts) -> None:
        rng = self.random
        people = []
        for index in range(self.counts["roster_members"]):
            full_name, gender = self.person_name()
            nominated_on = self.day()
            draw = rng.random()
            if draw < 0.2:
                visibility = RosterMember.Visibility.PUBLIC
            elif draw < 0.35:
                visibility = RosterMember.Visibility.SECRETARIAT
            else:
                visibility = RosterMember.Visibility.PRIVATE
            consent = (
                nominated_on + datetime.timedelta(days=rng.randint(0, 60))
                if visibility == RosterMember.Visibility.PUBLIC or rng.random() < 0.5
                else None
            )
            withdrawn = (
                consent + datetime.timedelta(days=rng.randint(30, 900))
                if consent and visibility != RosterMember.Visibility.PUBLIC and rng.random() < 0.05
                else None
            )
            people.append(
                RosterMember(
                    full_name=full_name,
                    honorific=rng.choice(["", "", "Dr.", "Amb.", "Prof.", "H.E."]),
                    gender=gender,
                    nationality=rng.choice(states),
                    email=f"roster{index + 1}@{DEMO_EMAIL_DOMAIN}",
                    phone=f"+000 {rng.randint(1000000, 9999999)}",
                    current_position_en=rng.choice(
                        ["Ambassador", "Senior diplomat", "Professor", "Former minister", "Advisor"]
                    ),
                    nominating_state=rng.choice(states) if rng.random() < 0.85 else None,
                    nominated_on=nominated_on,
                    nominated_by_user=user,
                    vetting_status=rng.choices(["vetted", "pending", "declined"], [6, 3, 1])[0],
                    availability=rng.choice(RosterMember.Availability.values),
                    consent_given_on=consent,
                    consent_withdrawn_on=withdrawn,
                    visibility=visibility,
                    created_at=_at(nominated_on),
                    updated_at=_at(nominated_on),
                )
            )
        people = self.insert(RosterMember, people)

        kinds = RosterRole.Role.values
        roles, first_kind = [], {}
        for person in people:
            kind = rng.choices(kinds, [5, 1, 8, 1])[0]
            first_kind[person.pk] = kind
            roles.append(self._role(person, kind))
        for person in rng.sample(people, min(self.counts["extra_roster_roles"], len(people))):
            kind = rng.choice([kind for kind in kinds if kind != first_kind[person.pk]])
            roles.append(self._role(person, kind))
        self.insert(RosterRole, roles)

        for field, choices in (
            (RosterMember.expertise, expertise),
            (RosterMember.languages, languages),
            (RosterMember.regions, regions),
        ):
            through = field.through
            target = field.field.m2m_reverse_field_name()
            links = [
                through(rostermember_id=person.pk, **{f"{target}_id": choice.pk})
                for person in people
                for choice in rng.sample(choices, min(len(choices), rng.randint(1, 3)))
            ]
            self.insert(through, links)

        deployments = []
        for _ in range(self.counts["deployments"]):
            person = rng.choice(people)
            started_on = self.day(person.nominated_on)
            ended_on = (
                min(ANCHOR, started_on + datetime.timedelta(days=rng.randint(14, 700)))
                if rng.random() < 0.75
                else None
            )
            deployments.append(
                Deployment(
                    person=person,
                    context=rng.choice(contexts),
                    role=first_kind[person.pk],
                    mandate="",
                    started_on=started_on,
                    ended_on=ended_on,
                    created_at=_at(started_on),
                    updated_at=_at(started_on),
                )
            )
        self.insert(Deployment, deployments)

    def _role(self, person: RosterMember, kind: str) -> RosterRole:
        started_on = person.nominated_on + datetime.timedelta(days=self.random.randint(0, 90))
        started_on = min(started_on, ANCHOR)
        return RosterRole(
            person=person,
            role=kind,
            started_on=started_on,
            created_at=_at(started_on),
            updated_at=_at(started_on),
        )

    def generate_meetings(self, group: ContactGroup, states: list[MemberState]) -> None:
        rng = self.random
        start = group.meetings.aggregate(highest=Max("number"))["highest"] or 0
        count = self.counts["meetings"]
        meetings = []
        for index in range(count):
            held_on = DECADE_START + datetime.timedelta(days=(index * DECADE_DAYS) // count + 15)
            meetings.append(
                ContactGroupMeeting(
                    group=group,
                    number=start + index + 1,
                    held_on=held_on,
                    place_en=rng.choice(PLACES),
                    level=rng.choice(MeetingLevel.values),
                    agenda_en="Review of the implementation of the mediation resolution.",
                    outcome_en="",
                    reported_attendance=rng.randint(10, 40),
                    created_at=_at(held_on),
                    updated_at=_at(held_on),
                )
            )
        meetings = self.insert(ContactGroupMeeting, meetings)
        through = ContactGroupMeeting.states_present.through
        self.insert(
            through,
            [
                through(contactgroupmeeting_id=meeting.pk, memberstate_id=state.pk)
                for meeting in meetings
                for state in rng.sample(states, min(len(states), rng.randint(8, 20)))
            ],
        )

    # -- trainings -----------------------------------------------------------------------------

    def generate_trainings(self, states, organisations) -> None:
        rng = self.random
        programmes = []
        for index in range(self.counts["programmes"]):
            host = rng.choice(states)
            launched_on = self.day(DECADE_START, DECADE_START + datetime.timedelta(days=1800))
            programmes.append(
                Programme(
                    name_en=f"Mediation for Peace — {host.name} ({index + 1})",
                    slug=f"demo-programme-{index + 1}",
                    organiser_state=host,
                    launched_on=launched_on,
                    awards_certificate=rng.random() < 0.6,
                    created_at=_at(launched_on),
                    updated_at=_at(launched_on),
                )
            )
        programmes = self.insert(Programme, programmes)

        editions, numbers = [], {}
        for _ in range(self.counts["editions"]):
            programme = rng.choice(programmes)
            numbers[programme.pk] = numbers.get(programme.pk, 0) + 1
            starts_on = self.day(programme.launched_on)
            editions.append(
                Edition(
                    programme=programme,
                    number=numbers[programme.pk],
                    starts_on=starts_on,
                    ends_on=starts_on + datetime.timedelta(days=rng.randint(0, 10)),
                    place_en=rng.choice(PLACES),
                    host_state=rng.choice(states),
                    format=rng.choice(Edition.Format.values),
                    level_targeted=rng.choice(Edition.TargetLevel.values),
                    duration_hours=rng.choice([3, 12, 20, 40]),
                    created_at=_at(starts_on),
                    updated_at=_at(starts_on),
                )
            )
        editions = self.insert(Edition, editions)

        participants = []
        shares = self.split(self.counts["participants"], len(editions))
        for edition, share in zip(editions, shares, strict=True):
            for _ in range(share):
                number = len(participants) + 1
                full_name, gender = self.person_name()
                completion = rng.choices(Participant.Completion.values, [2, 7, 1])[0]
                certified = completion == Participant.Completion.COMPLETED and rng.random() < 0.8
                by_state = rng.random() < 0.95 or not organisations
                participants.append(
                    Participant(
                        edition=edition,
                        full_name=full_name,
                        gender=gender,
                        state=rng.choice(states) if by_state else None,
                        organisation=None if by_state else rng.choice(organisations),
                        position="Diplomat",
                        level=rng.choice(Level.values),
                        email=f"participant{number}@{DEMO_EMAIL_DOMAIN}",
                        completion=completion,
                        certificate_number=f"DEMO-{number:07d}" if certified else None,
                        certificate_issued_on=edition.ends_on if certified else None,
                        created_at=_at(edition.starts_on),
                        updated_at=_at(edition.starts_on),
                    )
                )
        self.insert(Participant, participants)

    # -- conferences ---------------------------------------------------------------------------

    def generate_conferences(self, user, states, organisations, paragraphs) -> None:
        rng = self.random
        first = (Conference.objects.aggregate(highest=Max("ordinal"))["highest"] or 0) + 1
        count = self.counts["conferences"]
        conferences = []
        for index in range(count):
            starts_on = DECADE_START + datetime.timedelta(days=(index * DECADE_DAYS) // count + 140)
            city = rng.choice(PLACES)
            conferences.append(
                Conference(
                    ordinal=first + index,
                    title_en=f"Conference of OIC Member States on Mediation, {city} (demo {index + 1})",
                    theme_en=rng.choice(
                        [
                            "Mediation and early warning",
                            "Culturally sensitive mediation",
                            "Women in mediation",
                            "Partnerships for peace",
                        ]
                    ),  # fmt: skip
                    starts_on=starts_on,
                    ends_on=starts_on + datetime.timedelta(days=rng.randint(0, 1)),
                    city_en=city,
                    host_state=rng.choice(states),
                    reported_participants=rng.randint(80, 300),
                    participants_is_minimum=rng.random() < 0.5,
                    reported_states=rng.randint(20, 50),
                    created_at=_at(starts_on),
                    updated_at=_at(starts_on),
                )
            )
        conferences = self.insert(Conference, conferences)

        sessions = []
        kinds = ["opening", "panel", "panel", "closing"]
        for conference in conferences:
            for order in range(1, SESSIONS_PER_CONFERENCE + 1):
                sessions.append(
                    Session(
                        conference=conference,
                        order=order,
                        kind=kinds[(order - 1) % len(kinds)],
                        title_en=f"Session {order}",
                        created_at=conference.created_at,
                        updated_at=conference.created_at,
                    )
                )
        sessions = self.insert(Session, sessions)

        speakers = []
        for _ in range(self.counts["speakers"]):
            full_name, _gender = self.person_name()
            by_state = rng.random() < 0.7 or not organisations
            speakers.append(
                Speaker(
                    full_name=full_name,
                    honorific=rng.choice(["H.E.", "Amb.", "Dr.", "Prof.", ""]),
                    position_en=rng.choice(["Deputy Minister", "Director General", "Professor"]),
                    state=rng.choice(states) if by_state else None,
                    organisation=None if by_state else rng.choice(organisations),
                    created_at=_at(DECADE_START),
                    updated_at=_at(DECADE_START),
                )
            )
        speakers = self.insert(Speaker, speakers)
        roles = SessionSpeaker.Role.values
        self.insert(
            SessionSpeaker,
            [
                SessionSpeaker(
                    session=session, speaker=speaker, role=rng.choice(roles), order=order
                )
                for session in sessions
                for order, speaker in enumerate(rng.sample(speakers, SPEAKERS_PER_SESSION))
            ],
        )

        recommendations = []
        shares = self.split(self.counts["recommendations"], len(conferences))
        session_of = {conference.pk: [] for conference in conferences}
        for session in sessions:
            session_of[session.conference_id].append(session)
        for conference, share in zip(conferences, shares, strict=True):
            for number in range(1, share + 1):
                recommendations.append(
                    Recommendation(
                        conference=conference,
                        session=rng.choice(session_of[conference.pk]),
                        number=number,
                        text_en=rng.choice(
                            [
                                "Strengthen early-warning mechanisms",
                                "Offer targeted training",
                                "Deepen partnership with the UN",
                                "Map conflicts in the OIC geography",
                                "Involve more women mediators",
                                "Keep the conference annual",
                            ]
                        )
                        + f" ({conference.ordinal}.{number}).",  # fmt: skip
                        addressee_en=rng.choice(["The General Secretariat", "Member states"]),
                        is_priority=rng.random() < 0.15,
                        created_at=conference.created_at,
                        updated_at=conference.created_at,
                    )
                )
        recommendations = self.insert(Recommendation, recommendations)
        through = Recommendation.paragraphs.through
        self.insert(
            through,
            [
                through(recommendation_id=recommendation.pk, paragraph_id=paragraph.pk)
                for recommendation in recommendations
                for paragraph in rng.sample(paragraphs, min(len(paragraphs), rng.randint(1, 2)))
            ],
        )

        follow_ups = []
        extra = self.split(self.counts["follow_ups"] - len(recommendations), len(recommendations))
        for recommendation, more in zip(recommendations, extra, strict=True):
            conference_day = recommendation.created_at.date()
            days = sorted(self.day(conference_day) for _ in range(1 + more))
            for day in days:
                follow_ups.append(
                    RecommendationFollowUp(
                        recommendation=recommendation,
                        status=rng.choice(FollowUpStatus.values),
                        as_of=day,
                        note_en="",
                        recorded_by=user,
                        created_at=_at(day),
                        updated_at=_at(day),
                    )
                )
        self.insert(RecommendationFollowUp, follow_ups)

        documents = []
        for index in range(self.counts["documents"]):
            conference = conferences[index % len(conferences)]
            published_on = conference.starts_on + datetime.timedelta(days=rng.randint(0, 90))
            kind = rng.choice(Document.Kind.values)
            documents.append(
                Document(
                    conference=conference,
                    kind=kind,
                    title_en=f"{Document.Kind(kind).label} — {conference.city_en} ({index + 1})",
                    language=rng.choice(["ar", "en", "fr"]),
                    author=rng.choice(organisations) if organisations else None,
                    published_on=published_on,
                    url=f"https://example.org/demo/documents/{index + 1}.pdf",
                    is_public=rng.random() < 0.9,
                    created_at=_at(published_on),
                    updated_at=_at(published_on),
                )
            )
        self.insert(Document, documents)

    # -- the whole run -------------------------------------------------------------------------

    def run(self) -> dict[str, int]:
        with translation.override("en"), _fixed_timestamps():
            user = self.ensure_user()
            states = self.ensure_states()
            organisations = self.ensure_organisations()
            paragraphs = self.ensure_paragraphs()
            expertise = self.ensure_vocabulary(
                ExpertiseArea,
                [
                    ("demo-negotiation", "Negotiation"),
                    ("demo-dialogue", "Dialogue facilitation"),
                    ("demo-ceasefire", "Ceasefire arrangements"),
                    ("demo-religion", "Religion and peace"),
                    ("demo-gender", "Gender and inclusion"),
                ],  # fmt: skip
                "slug",
            )
            languages = self.ensure_vocabulary(
                Language,
                [
                    ("ar", "Arabic"),
                    ("en", "English"),
                    ("fr", "French"),
                    ("tr", "Turkish"),
                    ("ur", "Urdu"),
                    ("ms", "Malay"),
                    ("fa", "Persian"),
                ],  # fmt: skip
                "code",
            )
            regions = self.ensure_vocabulary(
                Region,
                [
                    ("demo-sahel", "Sahel"),
                    ("demo-horn", "Horn of Africa"),
                    ("demo-middle-east", "Middle East"),
                    ("demo-south-asia", "South Asia"),
                    ("demo-south-east-asia", "South-East Asia"),
                ],  # fmt: skip
                "slug",
            )
            contexts = self.ensure_field_contexts(states)
            group = self.ensure_contact_group(states)

            commitments = self.generate_commitments(user, states, organisations, paragraphs)
            reports = self.generate_reports(user, commitments)
            commitments = self.insert(Commitment, commitments)
            self.insert(ProgressReport, reports)
            self.generate_roster(user, states, expertise, languages, regions, contexts)
            self.generate_meetings(group, states)
            self.generate_trainings(states, organisations)
            self.generate_conferences(user, states, organisations, paragraphs)
        return self.created


def generate(
    *,
    scale: float,
    seed: int = 2018,
    force: bool = False,
    progress: Callable[[int], None] | None = None,
) -> dict[str, int]:
    """Write demo data at ``scale`` in one transaction; return the rows created per model label.

    Refuses (``DemoDataRefused``) when the database already holds demo data, or real data unless
    ``force``: demo rows mixed into real records would end up in public figures.
    """
    if demo_data_present():
        raise DemoDataRefused(
            "This database already holds demo data. Generate into a fresh database "
            "(e.g. drop it and run migrate again)."
        )
    real = real_data_counts()
    if real and not force:
        listed = ", ".join(f"{label}: {count}" for label, count in real.items())
        raise DemoDataRefused(
            f"This database holds real data ({listed}); demo data would be mixed into it and into "
            "the public figures. Use a fresh database, or --force if you really mean it."
        )
    with transaction.atomic():
        created = DemoDataGenerator(scale=scale, seed=seed, progress=progress).run()
    _refresh_dashboard_cache()
    return created


def _refresh_dashboard_cache() -> None:
    """bulk_create sends no signals, so tell the dashboard's cache that everything changed."""
    try:
        from oic_mediation.dashboard.cache import bump_generation
    except ImportError:  # pragma: no cover - the dashboard app is optional here
        return
    bump_generation()


GENERATED_MODELS: list[type[models.Model]] = [
    MemberState,
    Organisation,
    Resolution,
    Paragraph,
    ExpertiseArea,
    Language,
    Region,
    FieldContext,
    ContactGroup,
    ContactGroupMembership,
    Commitment,
    ProgressReport,
    RosterMember,
    RosterRole,
    RosterMember.expertise.through,
    RosterMember.languages.through,
    RosterMember.regions.through,
    Deployment,
    ContactGroupMeeting,
    ContactGroupMeeting.states_present.through,
    Programme,
    Edition,
    Participant,
    Conference,
    Session,
    Speaker,
    SessionSpeaker,
    Recommendation,
    Recommendation.paragraphs.through,
    RecommendationFollowUp,
    Document,
]


def digest() -> str:
    """A SHA-256 of every row in the tables the generator writes, in primary-key order.

    Two databases with the same digest hold the same demo data, down to the ids and timestamps.
    """
    hasher = hashlib.sha256()
    with connection.cursor() as cursor:
        for model in GENERATED_MODELS:
            table = connection.ops.quote_name(model._meta.db_table)
            pk = connection.ops.quote_name(model._meta.pk.column)
            cursor.execute(f"SELECT * FROM {table} ORDER BY {pk}")  # noqa: S608 - model metadata
            hasher.update(table.encode())
            for row in cursor.fetchall():
                hasher.update(repr(row).encode())
    return hasher.hexdigest()


def estimated_rows(scale: float) -> int:
    return DemoDataGenerator.planned_rows(planned_counts(scale))


__all__ = [
    "ANCHOR",
    "DEMO_EMAIL_DOMAIN",
    "DEMO_USERNAME",
    "DemoDataRefused",
    "digest",
    "estimated_rows",
    "generate",
    "planned_counts",
    "real_data_counts",
]
