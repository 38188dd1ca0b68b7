"""The Secretariat's admin: every page of every model opens for the Secretariat and for nobody else,
inlines are where staff expect them, records can be created with their inlines, and list pages
cost the same number of queries whatever their length."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from conferences.models import (
    Conference,
    Recommendation,
    Session,
)
from network.models import (
    ContactGroup,
    Organisation,
    RosterMember,
)
from resolutions.models import (
    Commitment,
    ParagraphStatusUpdate,
    ProgressReport,
    PublishedReport,
    ReminderSent,
    ReportingReminder,
    ReportingSchedule,
    Resolution,
)
from tests.factories import (
    CitedFigureFactory,
    CoChairPeriodFactory,
    CommitmentFactory,
    ConferenceFactory,
    ContactGroupFactory,
    ContactGroupMeetingFactory,
    ContactGroupMembershipFactory,
    DeploymentFactory,
    DocumentFactory,
    EditionFactory,
    ExpertiseAreaFactory,
    FieldContextFactory,
    LanguageFactory,
    OrganisationFactory,
    ParagraphStatusUpdateFactory,
    ParticipantFactory,
    ProgrammeFactory,
    ProgressReportFactory,
    RecommendationFactory,
    RecommendationFollowUpFactory,
    RegionFactory,
    RosterMemberFactory,
    RosterRoleFactory,
    SessionFactory,
    SessionSpeakerFactory,
    SpeakerFactory,
)
from trainings.models import Edition, Participant, Programme

DOMAIN_APPS = ("network", "resolutions", "trainings", "conferences")
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"
REGISTERED_MODELS = sorted(
    (model for model in admin.site._registry if model._meta.app_label in DOMAIN_APPS),
    key=lambda model: model._meta.label,
)


def admin_url(model, view: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


class FormFields(HTMLParser):
    """What a browser would submit from an admin page's main form, as a dict to modify."""

    def __init__(self):
        super().__init__()
        self.data: dict[str, str | list[str]] = {}
        self._form_id: str | None = None
        self._select: str | None = None
        self._select_multiple = False
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form":
            self._form_id = attributes.get("id")
        if self._form_id == "logout-form":
            return
        name = attributes.get("name")
        if tag == "input" and name and "__prefix__" not in name:
            kind = attributes.get("type", "text")
            if kind in ("submit", "button", "file", "image"):
                return
            if kind in ("checkbox", "radio"):
                if "checked" in attributes:
                    self.data[name] = attributes.get("value", "on")
                return
            self.data[name] = attributes.get("value") or ""
        elif tag == "select" and name and "__prefix__" not in name:
            self._select = name
            self._select_multiple = "multiple" in attributes
            self.data[name] = [] if self._select_multiple else ""
        elif tag == "option" and self._select and "selected" in attributes:
            if self._select_multiple:
                self.data[self._select].append(attributes.get("value", ""))
            else:
                self.data[self._select] = attributes.get("value", "")
        elif tag == "textarea" and name and "__prefix__" not in name:
            self._textarea = name
            self.data[name] = ""

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += data.lstrip("\n")

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "form":
            self._form_id = None


def form_fields(response) -> dict:
    parser = FormFields()
    parser.feed(response.content.decode())
    return parser.data


def inline_headings(response) -> list[str]:
    """The visible headings of the inlines on an admin change page, in page order."""
    return [
        " ".join(text.split())
        for text in re.findall(
            r'<h2 id="[^"]+-heading" class="inline-heading">(.*?)</h2>',
            response.content.decode(),
            flags=re.S,
        )
    ]


def post_errors(response) -> str:
    """The form and inline errors of a refused admin POST, for a readable assertion message."""
    if response.context is None:
        return ""
    adminform = response.context.get("adminform")
    errors = [str(adminform.form.errors)] if adminform else []
    for inline in response.context.get("inline_admin_formsets", []):
        errors.append(str(inline.formset.errors) + str(inline.formset.non_form_errors()))
    return "\n".join(errors)


@pytest.fixture
def sesric(db) -> Organisation:
    return OrganisationFactory(
        name="Statistical, Economic and Social Research and Training Centre for Islamic Countries",
        acronym="SESRIC",
        slug="sesric",
        kind=Organisation.Kind.OIC_BODY,
    )


@pytest.fixture
def programme(turkiye) -> Programme:
    return ProgrammeFactory(
        name="Mediation for Peace",
        slug="mediation-for-peace",
        organiser_state=turkiye,
        awards_certificate=True,
    )


@pytest.fixture
def edition(programme, turkiye) -> Edition:
    return EditionFactory(
        programme=programme,
        number=2,
        starts_on=datetime.date(2019, 9, 9),
        ends_on=datetime.date(2019, 9, 13),
        place="Ankara",
        host_state=turkiye,
    )


@pytest.fixture
def conference(turkiye) -> Conference:
    return ConferenceFactory(
        ordinal=2,
        title="2nd Conference of OIC Member States on Mediation",
        theme="Implementation of Resolution No. 53/45-POL: Challenges and Opportunities",
        starts_on=datetime.date(2018, 11, 29),
        city="Istanbul",
        host_state=turkiye,
        reported_participants=150,
        participants_is_minimum=True,
        reported_states=41,
    )


@pytest.fixture
def contact_group(db) -> ContactGroup:
    return ContactGroupFactory(
        name="Contact Group of the Friends of Mediation",
        slug="friends-of-mediation",
        established_on=datetime.date(2018, 9, 24),
    )


@pytest.fixture
def one_of_each(
    turkiye,
    senegal,
    turkiye_focal_point,
    resolution,
    paragraph_training,
    sesric,
    programme,
    edition,
    conference,
    contact_group,
):
    """One record of every model of the four apps, keyed by model."""
    meeting = ContactGroupMeetingFactory(
        group=contact_group,
        number=1,
        held_on=datetime.date(2018, 9, 24),
        place="New York, alongside UNGA-73",
        level="ministerial",
    )
    meeting.states_present.add(turkiye)
    person = RosterMemberFactory(
        full_name="Amina Diallo", gender="female", nationality=senegal, nominating_state=senegal
    )
    context = FieldContextFactory(
        name="Somalia", slug="somalia", country_code="SO", has_field_mission=True
    )
    commitment = CommitmentFactory(
        paragraph=paragraph_training,
        state=turkiye,
        title="Mediation for Peace editions",
        target_quantity=40,
        pledged_on=datetime.date(2018, 11, 29),
    )
    speaker = SpeakerFactory(
        full_name="Talha Köse", honorific="Assoc. Prof.", affiliation="Ibn Haldun University"
    )
    session = SessionFactory(
        conference=conference,
        order=2,
        kind="panel",
        title="Implementation of Resolution No. 53/45-POL — ways forward",
    )
    recommendation = RecommendationFactory(
        conference=conference, session=session, number=1, text="Keep the conference annual."
    )
    document = DocumentFactory(
        conference=conference,
        kind="summary_report",
        title="Summary report",
        language="fr",
        un_symbol="A/73/725",
    )
    records = [
        turkiye,
        turkiye_focal_point.focal_point,
        sesric,
        contact_group,
        meeting,
        ContactGroupMembershipFactory(
            group=contact_group, state=turkiye, joined_on=datetime.date(2018, 9, 24)
        ),
        CoChairPeriodFactory(
            group=contact_group, state=turkiye, started_on=datetime.date(2018, 9, 24)
        ),
        ExpertiseAreaFactory(name="Negotiation", slug="negotiation"),
        LanguageFactory(code="ar", name="Arabic"),
        RegionFactory(name="Sahel", slug="sahel"),
        context,
        person,
        RosterRoleFactory(person=person, role="mediator"),
        DeploymentFactory(
            person=person, context=context, role="mediator", started_on=datetime.date(2019, 1, 1)
        ),
        resolution,
        paragraph_training,
        ParagraphStatusUpdateFactory(
            paragraph=paragraph_training, status="in_progress", as_of=datetime.date(2018, 11, 29)
        ),
        commitment,
        ProgressReportFactory(
            commitment=commitment,
            status="in_progress",
            quantity_delivered=20,
            narrative="The 2nd edition trained 20 diplomats.",
            reported_by=turkiye_focal_point,
        ),
        ReminderSent.objects.create(focal_point=turkiye_focal_point.focal_point, period="2026-11"),
        ReportingSchedule.objects.create(period_months=12),
        ReportingReminder.objects.create(
            commitment=commitment, stage="before_due", due_on=datetime.date(2026, 12, 1)
        ),
        PublishedReport.objects.create(
            language="en",
            period_start=datetime.date(2018, 1, 1),
            period_end=datetime.date(2018, 12, 31),
            title="Implementation report 2018",
            pdf_file="reports/2018/report.pdf",
            html="<p>Report</p>",
        ),
        programme,
        edition,
        ParticipantFactory(
            edition=edition, full_name="Fatou Ndiaye", gender="female", state=senegal
        ),
        conference,
        speaker,
        session,
        SessionSpeakerFactory(session=session, speaker=speaker, role="moderator"),
        recommendation,
        RecommendationFollowUpFactory(recommendation=recommendation, status="in_progress"),
        document,
        CitedFigureFactory(
            statement="of the world's conflicts take place in the OIC geography",
            value=Decimal("60"),
            unit="%",
            source="SESRIC, Achieving Peace and Security in a Turbulent World (2018)",
            source_year=2018,
            conference=conference,
            source_document=document,
        ),
    ]
    return {type(record): record for record in records}


def test_every_model_of_the_four_apps_has_an_admin():
    models = [
        model
        for app in DOMAIN_APPS
        for model in apps.get_app_config(app).get_models()
        if not model.__name__.startswith("Historical")
    ]

    assert [m._meta.label for m in models if m not in admin.site._registry] == []


def test_admin_site_names_the_portal_and_the_secretariat(secretariat_client):
    response = secretariat_client.get(reverse("admin:index"))

    assert response.status_code == 200
    assert "OIC Mediation Capacity Portal — Secretariat" in response.content.decode()


@pytest.mark.parametrize("model", REGISTERED_MODELS, ids=lambda model: model._meta.label)
def test_secretariat_opens_list_add_and_change_pages(secretariat_client, one_of_each, model):
    record = one_of_each[model]

    for url in (
        admin_url(model, "changelist"),
        admin_url(model, "add"),
        admin_url(model, "change", record.pk),
    ):
        response = secretariat_client.get(url)
        assert response.status_code == 200, url


@pytest.mark.parametrize("model", REGISTERED_MODELS, ids=lambda model: model._meta.label)
def test_focal_point_and_anonymous_visitor_are_sent_to_the_admin_login(
    client, turkiye_focal_point, one_of_each, model
):
    record = one_of_each[model]
    urls = (
        admin_url(model, "changelist"),
        admin_url(model, "add"),
        admin_url(model, "change", record.pk),
    )
    login = reverse("admin:login")

    for url in urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(f"{login}?next="), url

    client.force_login(turkiye_focal_point, backend=MODEL_BACKEND)
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(f"{login}?next="), url
    assert client.post(admin_url(model, "add"), {}).status_code == 302


def test_resolution_page_lists_its_paragraphs_inline(secretariat_client, paragraph_training):
    response = secretariat_client.get(
        admin_url(type(paragraph_training.resolution), "change", paragraph_training.resolution.pk)
    )

    content = response.content.decode()
    assert inline_headings(response) == ["Operative paragraphs and measures"]
    assert 'name="paragraphs-0-title_en" value="Training in mediation"' in content


def test_paragraph_page_has_its_status_updates_inline(secretariat_client, one_of_each):
    paragraph = one_of_each[ParagraphStatusUpdate].paragraph

    response = secretariat_client.get(admin_url(type(paragraph), "change", paragraph.pk))

    content = response.content.decode()
    assert inline_headings(response) == ["Paragraph status updates"]
    assert 'name="status_updates-0-as_of" value="2018-11-29"' in content


def test_conference_page_has_sessions_recommendations_and_documents_inline(
    secretariat_client, one_of_each
):
    response = secretariat_client.get(admin_url(Conference, "change", one_of_each[Conference].pk))

    content = response.content.decode()
    assert inline_headings(response) == ["Sessions", "Recommendations", "Documents"]
    assert 'name="sessions-0-title_en"' in content
    assert "Keep the conference annual." in content
    assert 'name="documents-0-un_symbol" value="A/73/725"' in content


def test_edition_page_lists_its_participants_inline(secretariat_client, one_of_each):
    response = secretariat_client.get(admin_url(Edition, "change", one_of_each[Edition].pk))

    content = response.content.decode()
    assert inline_headings(response) == ["Participants"]
    assert 'name="participants-0-full_name" value="Fatou Ndiaye"' in content


def test_contact_group_page_has_memberships_co_chairs_and_meetings_inline(
    secretariat_client, one_of_each
):
    response = secretariat_client.get(
        admin_url(ContactGroup, "change", one_of_each[ContactGroup].pk)
    )

    content = response.content.decode()
    assert inline_headings(response) == [
        "Contact group memberships",
        "Co-chair periods",
        "Contact group meetings",
    ]
    assert 'name="meetings-0-place_en" value="New York, alongside UNGA-73"' in content


def test_roster_member_page_has_roles_and_deployments_inline(secretariat_client, one_of_each):
    person = one_of_each[RosterMember]

    response = secretariat_client.get(admin_url(RosterMember, "change", person.pk))

    content = response.content.decode()
    assert inline_headings(response) == ["Roster roles", "Deployments"]
    assert 'name="deployments-0-started_on" value="2019-01-01"' in content


def test_session_and_recommendation_pages_have_speakers_and_follow_ups_inline(
    secretariat_client, one_of_each
):
    session_page = secretariat_client.get(admin_url(Session, "change", one_of_each[Session].pk))
    recommendation_page = secretariat_client.get(
        admin_url(Recommendation, "change", one_of_each[Recommendation].pk)
    )

    assert inline_headings(session_page) == ["Session speakers"]
    assert inline_headings(recommendation_page) == ["Recommendation follow-ups"]


def test_commitment_page_shows_stored_reports_read_only_and_offers_a_new_one(
    secretariat_client, one_of_each
):
    commitment = one_of_each[Commitment]

    response = secretariat_client.get(admin_url(Commitment, "change", commitment.pk))

    content = response.content.decode()
    assert "The 2nd edition trained 20 diplomats." in content
    assert 'name="progress_reports-0-narrative"' not in content
    assert 'name="progress_reports-0-review_status"' not in content
    assert 'name="progress_reports-0-DELETE"' not in content
    assert inline_headings(response) == ["Progress reports", "New progress reports"]


def test_nobody_may_delete_a_progress_report(secretariat_client, one_of_each):
    report = one_of_each[ProgressReport]

    delete_page = secretariat_client.get(admin_url(ProgressReport, "delete", report.pk))
    bulk_delete = secretariat_client.post(
        admin_url(ProgressReport, "changelist"),
        {"action": "delete_selected", "_selected_action": [report.pk], "post": "yes"},
    )

    assert delete_page.status_code == 403
    assert bulk_delete.status_code in (200, 302)
    assert ProgressReport.objects.filter(pk=report.pk).exists()


def test_a_stored_progress_report_cannot_be_rewritten_or_reviewed_by_editing_it(
    secretariat_client, one_of_each
):
    report = one_of_each[ProgressReport]
    url = admin_url(ProgressReport, "change", report.pk)
    data = form_fields(secretariat_client.get(url))
    data.update(
        narrative="Rewritten by someone else.",
        quantity_delivered="999",
        review_status="validated",
        review_comment="Looks fine.",
    )

    secretariat_client.post(url, data)

    report.refresh_from_db()
    assert report.narrative == "The 2nd edition trained 20 diplomats."
    assert report.quantity_delivered == 20
    assert (report.review_status, report.review_comment) == ("submitted", "")
    assert report.reviewed_at is None


def test_secretariat_appends_a_progress_report_on_the_commitment_page(
    secretariat_client, one_of_each, secretariat
):
    commitment = one_of_each[Commitment]
    url = admin_url(Commitment, "change", commitment.pk)
    data = form_fields(secretariat_client.get(url))
    data.update(
        {
            "progress_reports-2-TOTAL_FORMS": "1",
            "progress_reports-2-0-status": "delivered",
            "progress_reports-2-0-quantity_delivered": "40",
            "progress_reports-2-0-delivered_on": "2022-09-30",
            "progress_reports-2-0-narrative": "The 3rd edition completed the pledge.",
            "progress_reports-2-0-language": "en",
        }
    )

    response = secretariat_client.post(url, data)

    assert response.status_code == 302, post_errors(response)
    reports = list(commitment.progress_reports.order_by("id").values_list("narrative", flat=True))
    assert reports == [
        "The 2nd edition trained 20 diplomats.",
        "The 3rd edition completed the pledge.",
    ]
    assert commitment.progress_reports.latest().reported_by == secretariat


def test_evidence_appended_in_the_admin_is_checked_by_its_content(secretariat_client, one_of_each):
    commitment = one_of_each[Commitment]
    url = admin_url(Commitment, "change", commitment.pk)
    data = form_fields(secretariat_client.get(url))
    data.update(
        {
            "progress_reports-2-TOTAL_FORMS": "1",
            "progress_reports-2-0-status": "delivered",
            "progress_reports-2-0-quantity_delivered": "40",
            "progress_reports-2-0-delivered_on": "2022-09-30",
            "progress_reports-2-0-narrative": "See the attached list.",
            "progress_reports-2-0-language": "en",
            "progress_reports-2-0-evidence_file": SimpleUploadedFile(
                "list.pdf", b"<html><script>alert(1)</script></html>", "application/pdf"
            ),
        }
    )

    response = secretariat_client.post(url, data)

    assert response.status_code == 200
    assert "This file is not a PDF, an office document or an image." in post_errors(response)
    assert commitment.progress_reports.count() == 1


def test_secretariat_creates_a_commitment(
    secretariat_client, secretariat, paragraph_training, senegal
):
    url = admin_url(Commitment, "add")
    data = form_fields(secretariat_client.get(url))
    data.update(
        paragraph=str(paragraph_training.pk),
        state=str(senegal.pk),
        title_en="Host a mediation simulation",
        title_fr="Accueillir une simulation de médiation",
        target_quantity="1",
        unit="events",
        pledged_on="2018-11-29",
        due_on="2019-12-31",
    )

    response = secretariat_client.post(url, data)

    assert response.status_code == 302, post_errors(response)
    commitment = Commitment.objects.get()
    assert commitment.title_en == "Host a mediation simulation"
    assert commitment.title_fr == "Accueillir une simulation de médiation"
    assert commitment.state == senegal
    assert commitment.status == "pledged"
    assert commitment.created_by == secretariat
    assert commitment.history.count() == 1


def test_secretariat_creates_an_edition_with_its_participants(
    secretariat_client, programme, turkiye, senegal
):
    url = admin_url(Edition, "add")
    data = form_fields(secretariat_client.get(url))
    data.update(
        {
            "programme": str(programme.pk),
            "number": "3",
            "starts_on": "2022-09-26",
            "place_en": "Ankara",
            "host_state": str(turkiye.pk),
            "format": "in_person",
            "level_targeted": "junior",
            "participants-TOTAL_FORMS": "2",
            "participants-0-full_name": "Fatou Ndiaye",
            "participants-0-gender": "female",
            "participants-0-state": str(senegal.pk),
            "participants-0-level": "junior",
            "participants-0-completion": "completed",
            "participants-0-certificate_number": "M4P-2022-001",
            "participants-1-full_name": "Emre Yılmaz",
            "participants-1-gender": "male",
            "participants-1-state": str(turkiye.pk),
            "participants-1-level": "junior",
            "participants-1-completion": "enrolled",
        }
    )

    response = secretariat_client.post(url, data)

    assert response.status_code == 302, post_errors(response)
    edition = Edition.objects.get(number=3)
    assert list(edition.participants.values_list("full_name", "state__iso_code")) == [
        ("Emre Yılmaz", "TR"),
        ("Fatou Ndiaye", "SN"),
    ]
    assert edition.participants.get(full_name="Fatou Ndiaye").certificate_number == "M4P-2022-001"


def test_secretariat_creates_a_conference_with_sessions_and_recommendations(
    secretariat_client, turkiye, paragraph_training
):
    url = admin_url(Conference, "add")
    data = form_fields(secretariat_client.get(url))
    data.update(
        {
            "ordinal": "3",
            "title_en": "3rd Conference of OIC Member States on Mediation",
            "starts_on": "2019-11-01",
            "city_en": "Istanbul",
            "host_state": str(turkiye.pk),
            "reported_participants": "250",
            "participants_is_minimum": "on",
            "sessions-TOTAL_FORMS": "2",
            "sessions-0-order": "1",
            "sessions-0-kind": "opening",
            "sessions-0-title_en": "Opening",
            "sessions-1-order": "2",
            "sessions-1-kind": "panel",
            "sessions-1-title_en": "Culturally sensitive mediation",
            "recommendations-TOTAL_FORMS": "1",
            "recommendations-0-number": "1",
            "recommendations-0-text_en": "Offer targeted training for mid-to-senior diplomats.",
            "recommendations-0-is_priority": "on",
            "recommendations-0-paragraphs": [str(paragraph_training.pk)],
        }
    )

    response = secretariat_client.post(url, data)

    assert response.status_code == 302, post_errors(response)
    conference = Conference.objects.get(ordinal=3)
    assert conference.participants_display == "250+"
    assert list(conference.sessions.values_list("order", "title_en")) == [
        (1, "Opening"),
        (2, "Culturally sensitive mediation"),
    ]
    recommendation = conference.recommendations.get()
    assert recommendation.is_priority is True
    assert list(recommendation.paragraphs.all()) == [paragraph_training]


def test_a_stale_change_form_is_refused_instead_of_overwriting(secretariat_client, one_of_each):
    commitment = one_of_each[Commitment]
    url = admin_url(Commitment, "change", commitment.pk)
    shown = form_fields(secretariat_client.get(url))
    commitment.title = "Changed meanwhile by a colleague"
    commitment.save()
    shown["title_en"] = "My older edit"

    response = secretariat_client.post(url, shown)

    assert response.status_code == 200
    assert "changed by someone else" in post_errors(response)
    commitment.refresh_from_db()
    assert commitment.title_en == "Changed meanwhile by a colleague"
    assert commitment.version == 2


def test_change_history_opens_and_a_revert_keeps_the_version_growing(
    secretariat_client, one_of_each
):
    commitment = one_of_each[Commitment]
    original_title = commitment.title_en
    commitment.title = "Second wording"
    commitment.save()
    first = commitment.history.earliest()

    history = secretariat_client.get(admin_url(Commitment, "history", commitment.pk))
    revert_url = reverse(
        "admin:resolutions_commitment_simple_history", args=[commitment.pk, first.history_id]
    )
    revert_form = form_fields(secretariat_client.get(revert_url))
    response = secretariat_client.post(revert_url, revert_form)

    assert history.status_code == 200
    assert "Second wording" in history.content.decode() or "Changed" in history.content.decode()
    assert response.status_code == 302, post_errors(response)
    commitment.refresh_from_db()
    assert commitment.title_en == original_title
    assert commitment.version == 3


def changelist_queries(client, model) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(admin_url(model, "changelist"))
    assert response.status_code == 200
    return len(queries)


def test_commitment_list_costs_the_same_queries_for_one_or_three(
    secretariat_client, paragraph_training, turkiye, senegal, sesric
):
    first = CommitmentFactory(
        paragraph=paragraph_training,
        state=turkiye,
        title="Mediation for Peace",
        target_quantity=40,
        pledged_on=datetime.date(2018, 11, 29),
    )
    ProgressReportFactory(
        commitment=first, status="in_progress", quantity_delivered=10, narrative="Begun."
    )
    with_one = changelist_queries(secretariat_client, Commitment)
    CommitmentFactory(
        paragraph=paragraph_training,
        state=senegal,
        title="Host a simulation",
        target_quantity=40,
        pledged_on=datetime.date(2018, 11, 29),
    )
    CommitmentFactory(
        paragraph=paragraph_training,
        organisation=sesric,
        title="Map conflicts",
        unit="actions",
        state=None,
        target_quantity=None,
        pledged_on=timezone.localdate(),
    )

    with_three = changelist_queries(secretariat_client, Commitment)

    assert Commitment.objects.count() == 3
    assert with_three == with_one


def test_roster_list_costs_the_same_queries_for_one_or_three(secretariat_client, turkiye, senegal):
    def add_person(name, state):
        person = RosterMemberFactory(
            full_name=name, gender="undisclosed", nationality=state, nominating_state=state
        )
        RosterRoleFactory(person=person, role="expert")
        return person

    add_person("Amina Diallo", senegal)
    with_one = changelist_queries(secretariat_client, RosterMember)
    add_person("Mehmet Kaya", turkiye)
    add_person("Aïssatou Sow", senegal)

    with_three = changelist_queries(secretariat_client, RosterMember)

    assert with_three == with_one


def test_participant_edition_and_recommendation_lists_cost_the_same_queries_for_one_or_three(
    secretariat_client, turkiye, senegal
):
    programme = ProgrammeFactory(name="Mediation for Peace", slug="mediation-for-peace")
    conference = ConferenceFactory(
        ordinal=2, title="2nd Conference", starts_on=datetime.date(2018, 11, 29), city="Istanbul"
    )
    session = SessionFactory(conference=conference, order=1, title="Opening")

    def add_one(number, state):
        edition = EditionFactory(
            programme=programme,
            number=number,
            starts_on=datetime.date(2018, number, 1),
            host_state=state,
            reported_by_state=state,
        )
        ParticipantFactory(
            edition=edition, full_name=f"Participant {number}", gender="female", state=state
        )
        RecommendationFactory(
            conference=conference, session=session, number=number, text=f"Recommendation {number}"
        )

    add_one(1, turkiye)
    with_one = [
        changelist_queries(secretariat_client, model)
        for model in (Participant, Edition, Recommendation)
    ]
    add_one(2, senegal)
    add_one(3, turkiye)

    with_three = [
        changelist_queries(secretariat_client, model)
        for model in (Participant, Edition, Recommendation)
    ]

    assert Participant.objects.count() == Edition.objects.count() == 3
    assert with_three == with_one


# The changelists of tables that grow every year read the page's rows and nothing in proportion
# to the table: no grouping of the whole table for a count or for the date hierarchy.
LARGE_CHANGELISTS = (Commitment, ProgressReport, RosterMember, Edition, Participant)


@pytest.mark.parametrize("model", LARGE_CHANGELISTS, ids=lambda model: model._meta.label)
def test_large_changelists_group_no_table_and_count_it_once(secretariat_client, one_of_each, model):
    with CaptureQueriesContext(connection) as queries:
        response = secretariat_client.get(admin_url(model, "changelist"))

    assert response.status_code == 200
    statements = [query["sql"].upper() for query in queries.captured_queries]
    table = model._meta.db_table.upper()
    assert not [sql for sql in statements if "GROUP BY" in sql or "DATE_TRUNC" in sql]
    counts = [sql for sql in statements if sql.startswith("SELECT COUNT(*)")]
    assert len(counts) == 1
    assert f'FROM "{table}"' in counts[0]


def test_commitment_list_counts_reports_latest_pledge_first_with_years_from_the_data(
    secretariat_client, paragraph_training, turkiye, senegal
):
    older = CommitmentFactory(
        paragraph=paragraph_training,
        state=turkiye,
        title="Older pledge",
        target_quantity=40,
        pledged_on=datetime.date(2018, 11, 29),
    )
    newer = CommitmentFactory(
        paragraph=paragraph_training,
        state=senegal,
        title="Newer pledge",
        target_quantity=40,
        pledged_on=datetime.date(2018, 11, 29),
    )
    Commitment.objects.filter(pk=newer.pk).update(pledged_on=datetime.date(2021, 3, 1))
    for review_status in ("submitted", "validated", "submitted"):
        ProgressReportFactory(
            commitment=older,
            status="in_progress",
            quantity_delivered=1,
            narrative="Some progress.",
            review_status=review_status,
            reviewed_at=None
            if review_status == "submitted"
            else datetime.datetime.now(datetime.UTC),
        )

    response = secretariat_client.get(admin_url(Commitment, "changelist"))

    rows = response.context["cl"].result_list
    assert [row.title for row in rows] == ["Newer pledge", "Older pledge"]
    assert [(row._report_count, row._pending_report_count) for row in rows] == [(0, 0), (3, 2)]
    years = re.findall(r"pledged_on__year=(\d{4})", response.content.decode())
    assert years == ["2018", "2019", "2020", "2021"]
    months = secretariat_client.get(admin_url(Commitment, "changelist") + "?pledged_on__year=2019")
    assert months.status_code == 200
    assert len(re.findall(r"pledged_on__month=\d+", months.content.decode())) == 12
    assert list(months.context["cl"].result_list) == []


@pytest.mark.parametrize(
    ("model", "field"),
    [(Organisation, "website"), (Resolution, "text_url"), (ProgressReport, "evidence_url")],
)
def test_a_link_typed_without_its_scheme_is_read_as_https(model, field):
    form_field = model._meta.get_field(field).formfield()

    assert form_field.clean("www.oic-oci.org/page") == "https://www.oic-oci.org/page"
    assert form_field.clean("http://example.org") == "http://example.org"


@pytest.mark.parametrize(
    "query",
    ["", "?reported_at__year=2024", "?reported_at__year=2024&reported_at__month=2"],
    ids=["years", "months", "days"],
)
def test_progress_report_date_hierarchy_drills_down_to_the_day(
    secretariat_client, one_of_each, query
):
    response = secretariat_client.get(admin_url(ProgressReport, "changelist") + query)

    assert response.status_code == 200
    links = re.findall(r"reported_at__(?:year|month|day)=\d+", response.content.decode())
    if query.endswith("month=2"):
        # Every day of February 2024, a leap year.
        assert len({link for link in links if "day=" in link}) == 29
    elif query:
        assert len({link for link in links if "month=" in link}) == 12
    else:
        assert links
