"""One permission vocabulary: every permission the portal declares, answered for the fixed cast.

The models declare their permissions in ``Meta.rules_permissions`` with the predicates of their
app's ``rules.py`` (``network.rules`` describes the vocabulary); everything asks
``user.has_perm(name, obj)``. The table below is the portal's rights as the cast holds them —
Secretariat, focal point of Türkiye, focal point of Senegal, anonymous — plus a staff member in
no group, whom the ``is_staff`` flag alone gives nothing.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import rules
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.contrib.auth import get_permission_codename, get_user_model
from django.contrib.auth.models import AnonymousUser
from rules.contrib.admin import ObjectPermissionsModelAdminMixin
from rules.contrib.models import RulesModelMixin

from network.models import FocalPoint, Organisation, RosterMember
from resolutions.models import Commitment, ProgressReport, PublishedReport
from tests.conftest import PASSWORD
from trainings.models import Edition

pytestmark = pytest.mark.django_db

CAST = ("secretariat", "focal_turkiye", "focal_senegal", "anonymous", "staff_no_group")
DOMAIN_APPS = ("network", "resolutions", "trainings", "conferences")

# Who holds what: secretariat, focal point of Türkiye, of Senegal, anonymous, staff in no group.
ONLY_SECRETARIAT = (True, False, False, False, False)
TURKIYE_SIDE = (True, True, False, False, False)
SENEGAL_SIDE = (True, False, True, False, False)
EVERY_FOCAL_POINT = (True, True, True, False, False)

# (permission, object, expected for each member of CAST). Objects are named; see ``objects``.
TABLE = [
    # Permissions about no model.
    ("network.access_focal_point_area", None, EVERY_FOCAL_POINT),
    ("network.access_secretariat_area", None, ONLY_SECRETARIAT),
    ("network.handle_personal_data", None, ONLY_SECRETARIAT),
    # Member states: a focal point acts for their own state only; nobody but the Secretariat
    # changes a state's record.
    ("network.act_for_state_memberstate", "turkiye", TURKIYE_SIDE),
    ("network.act_for_state_memberstate", "senegal", SENEGAL_SIDE),
    ("network.act_for_state_memberstate", None, ONLY_SECRETARIAT),
    ("network.change_memberstate", "turkiye", ONLY_SECRETARIAT),
    ("network.view_memberstate", "turkiye", ONLY_SECRETARIAT),
    # Focal points and the roster.
    ("network.invite_focalpoint", None, ONLY_SECRETARIAT),
    ("network.invite_focalpoint", "turkiye_focal_point", ONLY_SECRETARIAT),
    ("network.change_focalpoint", "turkiye_focal_point", ONLY_SECRETARIAT),
    ("network.nominate_rostermember", "turkiye", TURKIYE_SIDE),
    ("network.nominate_rostermember", "senegal", SENEGAL_SIDE),
    ("network.nominate_rostermember", None, ONLY_SECRETARIAT),
    ("network.match_rostermember", None, ONLY_SECRETARIAT),
    ("network.change_rostermember", "turkiye_nominee", ONLY_SECRETARIAT),
    ("network.change_organisation", "organisation", ONLY_SECRETARIAT),
    # Commitments: Türkiye's focal point records, changes and reports on Türkiye's, not on
    # Senegal's nor on an organisation's.
    ("resolutions.add_commitment", "turkiye_commitment", TURKIYE_SIDE),
    ("resolutions.add_commitment", "senegal_commitment", SENEGAL_SIDE),
    ("resolutions.add_commitment", "organisation_commitment", ONLY_SECRETARIAT),
    ("resolutions.add_commitment", None, ONLY_SECRETARIAT),
    ("resolutions.change_commitment", "turkiye_commitment", TURKIYE_SIDE),
    ("resolutions.change_commitment", "senegal_commitment", SENEGAL_SIDE),
    ("resolutions.change_commitment", "organisation_commitment", ONLY_SECRETARIAT),
    ("resolutions.report_on_commitment", "turkiye_commitment", TURKIYE_SIDE),
    ("resolutions.report_on_commitment", "senegal_commitment", SENEGAL_SIDE),
    ("resolutions.report_on_commitment", "organisation_commitment", ONLY_SECRETARIAT),
    ("resolutions.delete_commitment", "turkiye_commitment", ONLY_SECRETARIAT),
    ("resolutions.view_commitment", "turkiye_commitment", ONLY_SECRETARIAT),
    # Progress reports: the Secretariat reviews, confirms and changes them; the reporting state
    # and the Secretariat read the evidence and the reviewer's comment.
    ("resolutions.review_progressreport", "turkiye_report", ONLY_SECRETARIAT),
    ("resolutions.review_progressreport", None, ONLY_SECRETARIAT),
    ("resolutions.confirm_progressreport", "turkiye_report", ONLY_SECRETARIAT),
    ("resolutions.change_progressreport", "turkiye_report", ONLY_SECRETARIAT),
    ("resolutions.read_evidence_progressreport", "turkiye_report", TURKIYE_SIDE),
    ("resolutions.read_evidence_progressreport", "senegal_report", SENEGAL_SIDE),
    ("resolutions.read_evidence_progressreport", "organisation_report", ONLY_SECRETARIAT),
    ("resolutions.read_review_progressreport", "turkiye_report", TURKIYE_SIDE),
    ("resolutions.read_review_progressreport", "senegal_report", SENEGAL_SIDE),
    ("resolutions.read_review_progressreport", "organisation_report", ONLY_SECRETARIAT),
    # The implementation report.
    ("resolutions.publish_publishedreport", None, ONLY_SECRETARIAT),
    ("resolutions.view_publishedreport", "published_report", ONLY_SECRETARIAT),
    # Trainings: a state reports its own editions; the Secretariat reviews them.
    ("trainings.add_edition", "turkiye_edition", TURKIYE_SIDE),
    ("trainings.add_edition", "senegal_edition", SENEGAL_SIDE),
    ("trainings.add_edition", None, ONLY_SECRETARIAT),
    ("trainings.review_edition", "turkiye_edition", ONLY_SECRETARIAT),
    ("trainings.change_edition", "turkiye_edition", ONLY_SECRETARIAT),
]


@pytest.fixture
def staff_no_group(db):
    return get_user_model().objects.create_user(
        username="stan.staff", email="stan@oic.example", password=PASSWORD, is_staff=True
    )


@pytest.fixture
def cast(secretariat, focal_turkiye, focal_senegal, staff_no_group) -> dict:
    return {
        "secretariat": secretariat,
        "focal_turkiye": focal_turkiye,
        "focal_senegal": focal_senegal,
        "anonymous": AnonymousUser(),
        "staff_no_group": staff_no_group,
    }


@pytest.fixture
def objects(turkiye, senegal, focal_turkiye, paragraph_training) -> dict:
    """The records the table asks about. The rules read only their state or organisation, so
    unsaved instances do (a service asks about the record it is about to store, too)."""
    organisation = Organisation.objects.create(name="League of Arab States", slug="las")
    commitments = {
        "turkiye_commitment": Commitment(state=turkiye, paragraph=paragraph_training),
        "senegal_commitment": Commitment(state=senegal, paragraph=paragraph_training),
        "organisation_commitment": Commitment(
            organisation=organisation, paragraph=paragraph_training
        ),
    }
    reports = {
        name.replace("commitment", "report"): ProgressReport(commitment=commitment)
        for name, commitment in commitments.items()
    }
    return {
        "turkiye": turkiye,
        "senegal": senegal,
        "organisation": organisation,
        "turkiye_focal_point": FocalPoint.objects.get(user=focal_turkiye),
        "turkiye_nominee": RosterMember(full_name="Ada Nominee", nominating_state=turkiye),
        **commitments,
        **reports,
        "turkiye_edition": Edition(reported_by_state=turkiye, host_state=turkiye),
        "senegal_edition": Edition(reported_by_state=senegal, host_state=senegal),
        "published_report": PublishedReport(language="en", title="Report"),
    }


def test_each_permission_answers_each_member_of_the_cast_as_the_portal_does(cast, objects):
    wrong = []
    for permission, object_name, expected in TABLE:
        target = objects[object_name] if object_name else None
        for member, allowed in zip(CAST, expected, strict=True):
            answer = cast[member].has_perm(permission, target)
            if answer is not allowed:
                wrong.append(f"{member} · {permission} · {object_name}: {answer}, not {allowed}")
    assert wrong == []


def _declared_permissions() -> list[tuple[type, str]]:
    return [
        (model, model.get_perm(verb))
        for app_label in DOMAIN_APPS
        for model in apps.get_app_config(app_label).get_models()
        if issubclass(model, RulesModelMixin)
        for verb in model._meta.rules_permissions
    ]


def test_every_name_a_model_declares_is_registered():
    declared = _declared_permissions()
    assert len(declared) > 50
    assert [name for _model, name in declared if not rules.perm_exists(name)] == []


def test_the_table_covers_every_permission_that_is_not_the_secretariat_s_alone():
    """Every declared permission answers "the Secretariat only" without an object, but the
    focal-point area; any other difference must appear, with its objects, in the table."""
    in_table = {permission for permission, _object, _expected in TABLE}
    custom = {
        name
        for _model, name in _declared_permissions()
        if name.split(".")[1].split("_")[0] not in {"add", "change", "delete", "view"}
    }
    assert custom <= in_table, sorted(custom - in_table)


def test_the_vocabulary_lists_every_name_of_the_portal_s_own():
    """``network.rules`` names every permission that is not one of Django's four."""
    import network.rules

    custom = {
        name
        for _model, name in _declared_permissions()
        if name.split(".")[1].split("_")[0] not in {"add", "change", "delete", "view"}
    }
    custom |= {"network.access_focal_point_area", "network.access_secretariat_area"}
    custom |= {"network.handle_personal_data"}
    assert sorted(name for name in custom if f"``{name}``" not in network.rules.__doc__) == []
    assert all(rules.perm_exists(name) for name in custom)


def test_without_an_object_every_model_permission_is_the_secretariat_s_alone(cast):
    wrong = []
    for _model, name in _declared_permissions():
        for member, allowed in zip(CAST, ONLY_SECRETARIAT, strict=True):
            if cast[member].has_perm(name) is not allowed:
                wrong.append(f"{member} · {name}")
    assert wrong == []


def test_every_admin_that_asks_the_rules_has_them_declared():
    """An admin with object permissions refuses a record whose model declares no rule for it,
    the Secretariat included: each such model declares view, change and delete."""
    missing = []
    for model, model_admin in admin.site._registry.items():
        if not isinstance(model_admin, ObjectPermissionsModelAdminMixin):
            continue
        for action in ("view", "change", "delete"):
            name = f"{model._meta.app_label}.{get_permission_codename(action, model._meta)}"
            if not rules.perm_exists(name):
                missing.append(name)
    assert missing == []


# A predicate called outside the rules modules is a second spelling of a rule.
PREDICATE_CALL = re.compile(
    r"\b(is_secretariat|is_focal_point\w*|can_report_for_state|can_act_on_commitment|"
    r"can_read_report_privately|can_report_edition)\("
)


def test_nothing_but_the_rules_modules_calls_a_predicate():
    root = Path(settings.BASE_DIR)
    calls = [
        f"{path.relative_to(root)}:{number}"
        for folder in ("core", *DOMAIN_APPS, "oic_mediation")
        for path in sorted((root / folder).rglob("*.py"))
        if path.name != "rules.py" and "migrations" not in path.parts
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if PREDICATE_CALL.search(line) and not line.lstrip().startswith(("def ", "#"))
    ]
    assert calls == []


def test_a_rule_only_name_is_answered_without_asking_the_database_s_permissions(
    focal_turkiye, django_assert_num_queries
):
    """A focal point refused a name that is a rule only costs the rule's own query (is the user
    in the Secretariat group?), not the two of Django's model backend loading their permissions
    (``oic_mediation.accounts.backends``)."""
    user = get_user_model().objects.get(pk=focal_turkiye.pk)
    with django_assert_num_queries(1):
        assert user.has_perm("network.access_secretariat_area") is False
    with django_assert_num_queries(0):
        assert user.has_perm("resolutions.review_progressreport") is False
    # Django's four are still asked of the model backend, for the admin.
    with django_assert_num_queries(2):
        assert user.has_perm("resolutions.view_commitment") is False


HAS_PERM_LITERAL = re.compile(r"""has_perm\(\s*["']([a-z_]+\.[a-z_]+)["']""")
TEMPLATE_PERM = re.compile(r"\bperms\.([a-z_]+)\.([a-z_]+)")


def test_every_name_the_code_and_templates_ask_exists():
    """A name nobody declares is refused to everyone, silently: every literal name passed to
    ``has_perm`` or read as ``perms.app.name`` in a template is a rule or a model permission."""
    from oic_mediation.accounts.backends import database_permission_names

    root = Path(settings.BASE_DIR)
    asked = {
        name
        for folder in ("core", *DOMAIN_APPS, "oic_mediation")
        for path in (root / folder).rglob("*.py")
        for name in HAS_PERM_LITERAL.findall(path.read_text(encoding="utf-8"))
    } | {
        f"{app}.{name}"
        for path in (root / "templates").rglob("*.html")
        for app, name in TEMPLATE_PERM.findall(path.read_text(encoding="utf-8"))
    }
    assert len(asked) > 10
    unknown = [
        name
        for name in sorted(asked)
        if not rules.perm_exists(name) and name not in database_permission_names()
    ]
    assert unknown == []
