"""The tracked base model (``core.models.TrackedModel``): each save bumps the version,
and a save from a stale copy is refused."""

import pytest

from network.models import MemberState

pytestmark = pytest.mark.django_db


def test_saving_bumps_the_version_and_a_stale_save_is_refused(turkiye):
    from core.models import StaleVersionError

    stale = MemberState.objects.get(pk=turkiye.pk)
    turkiye.status_note = "Co-chair of the contact group."
    turkiye.save()
    assert turkiye.version == 2
    stale.status_note = "Overwrite"
    with pytest.raises(StaleVersionError):
        stale.save_if_version(1)
    turkiye.refresh_from_db()
    assert turkiye.status_note == "Co-chair of the contact group."
