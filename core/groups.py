"""The "Secretariat" group: every permission on the portal's own data, plus user management."""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

SECRETARIAT_GROUP = "Secretariat"
DOMAIN_APPS = ("network", "resolutions", "trainings", "conferences")


def secretariat_permissions():
    return Permission.objects.filter(
        Q(content_type__app_label__in=DOMAIN_APPS)
        | Q(content_type__app_label="auth", content_type__model="user")
        | Q(content_type__app_label="auth", codename="view_group")
        # API tokens (django-rest-knox): the Secretariat sees and revokes them, never their keys.
        | Q(content_type__app_label="knox")
        | Q(content_type__app_label="axes")
        # Removing a lost authenticator of a staff member.
        | Q(content_type__app_label="otp_totp")
        # Staff members' e-mail language; report renderings and the task queue's records.
        | Q(content_type__app_label="portal_mail")
        | Q(content_type__app_label="background")
        | Q(content_type__app_label="django_tasks_database", codename__startswith="view_")
    )


def sync_secretariat_group(**kwargs) -> Group:
    group, _ = Group.objects.get_or_create(name=SECRETARIAT_GROUP)
    group.permissions.add(*secretariat_permissions())
    return group
