"""A training participant's rights over their personal data: export and erasure on request.

Same approach as ``network.privacy`` (see there): erasure pseudonymises, so the trainings' figures
(participants by state, level, gender, completion, certificates issued) do not change.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from network.privacy import (
    _require_secretariat,
    clear_cached_pages,
    erased_values,
    history_as_list,
    record_as_dict,
    scrub_admin_log,
    scrub_history,
)
from trainings.models import Participant


def participant_data_export(*, user, participant: Participant) -> dict:
    """Everything the portal holds about a training participant, as a JSON-ready document."""
    _require_secretariat(user)
    participant = Participant.objects.select_related(
        "edition__programme", "state", "organisation"
    ).get(pk=participant.pk)
    return {
        "kind": "training participant",
        "exported_at": timezone.now(),
        "record": record_as_dict(participant),
        "history": history_as_list(participant),
    }


@transaction.atomic
def participant_erase(*, user, participant: Participant) -> Participant:
    """Erase a participant's identifying data, keeping what the training figures count.

    The name becomes "Erased participant <id>"; position and e-mail are blanked; a certificate
    number is replaced by "ERASED-<id>" so the certificates issued are still counted.
    """
    _require_secretariat(user)
    participant = Participant.objects.select_for_update().get(pk=participant.pk)
    pseudonym = _("Erased participant %(id)s") % {"id": participant.pk}
    old_texts = [participant.full_name, participant.email, participant.certificate_number or ""]
    replacements = {"full_name": pseudonym, "position": "", "email": ""}
    if participant.certificate_number is not None:
        replacements["certificate_number"] = f"ERASED-{participant.pk}"
    values = erased_values(Participant, replacements)
    for column, value in values.items():
        setattr(participant, column, value)
    participant._change_reason = "Personal data erased on request"  # type: ignore[attr-defined]  # read by simple-history
    participant.save()
    # Older rows may carry a certificate number even when the current row has none any more.
    history_values = {**values, "certificate_number": values.get("certificate_number")}
    scrub_history(Participant, {"id": participant.pk}, history_values)
    label = str(participant)
    scrub_admin_log(
        [participant],
        old_texts,
        pseudonym,
        {(ContentType.objects.get_for_model(Participant).pk, str(participant.pk)): label},
    )
    clear_cached_pages()
    participant.refresh_from_db()
    return participant
