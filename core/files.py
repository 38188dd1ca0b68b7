"""Records stored with their files: all of them, or none."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.db import transaction


def store_atomically(records_and_files) -> None:
    """Save each record with its file in one transaction. ``records_and_files`` holds tuples
    ``(record, field name, file name, content as bytes)``. If the transaction fails, the files
    already written are deleted; if the process dies meanwhile, they are left without a record
    and ``oic_mediation.files.remove_orphan_files`` deletes them later."""
    written = []
    try:
        with transaction.atomic():
            for record, field_name, filename, content in records_and_files:
                field = getattr(record, field_name)
                field.save(filename, ContentFile(content), save=False)
                written.append((field.storage, field.name))
                record.full_clean()
                record.save()
    except BaseException:
        for storage, name in written:
            storage.delete(name)
        raise
