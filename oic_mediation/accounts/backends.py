"""The permission backend of the portal's rules (``network.rules``), first in
``AUTHENTICATION_BACKENDS``.

django-rules' ``ObjectPermissionBackend``, with one addition: a name that exists only as a rule
(``network.act_for_state_memberstate``, ``network.access_secretariat_area``...: no row of
``auth_permission`` carries it) is decided by the rule alone. Django's ``ModelBackend`` could
never grant it, yet on a "no" Django would ask it next, which loads the user's and their groups'
permissions: two queries on every request of a focal point. Refusing here (``PermissionDenied``
ends Django's search) gives the same answers without them. The four permissions of each model
(``change_commitment``...) are still asked of ``ModelBackend`` after the rule, for the admin.
"""

from __future__ import annotations

from functools import cache

from django.apps import apps
from django.contrib.auth import get_permission_codename
from django.core.exceptions import PermissionDenied
from rules.permissions import ObjectPermissionBackend, perm_exists


@cache
def database_permission_names() -> frozenset[str]:
    """``app_label.codename`` of every permission Django creates for the installed models."""
    names = set()
    for model in apps.get_models():
        opts = model._meta
        codenames = [get_permission_codename(action, opts) for action in opts.default_permissions]
        codenames += [codename for codename, _name in opts.permissions]
        names.update(f"{opts.app_label}.{codename}" for codename in codenames)
    return frozenset(names)


class PortalRulesBackend(ObjectPermissionBackend):
    def has_perm(self, user, perm, *args, **kwargs) -> bool:
        if super().has_perm(user, perm, *args, **kwargs):
            return True
        if perm_exists(perm) and perm not in database_permission_names():
            raise PermissionDenied
        return False
