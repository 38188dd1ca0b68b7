"""Put the files of a `backup_files` archive back into the storage (the disk or the bucket), under
their own names, so that the restored records find them. Used by `make restore`.

A file already stored under the same name with the same content is left; with another content,
the restore stops: it never overwrites what is there."""

from __future__ import annotations

import tarfile

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError

from oic_mediation.files import STORED_FOLDERS


class Command(BaseCommand):
    help = "Restore the files of a backup_files archive into the storage (make restore)."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="the .tar file written by backup_files")

    def handle(self, *, archive, **options):
        restored = kept = 0
        with tarfile.open(archive, "r") as files:
            for member in files.getmembers():
                name = member.name
                if not member.isfile() or name.startswith("/") or ".." in name.split("/"):
                    raise CommandError(f"Refusing the archive member {name!r}.")
                if name.split("/", 1)[0] not in STORED_FOLDERS:
                    raise CommandError(f"{name!r} is not a file of the portal.")
                content = files.extractfile(member).read()
                if default_storage.exists(name):
                    with default_storage.open(name, "rb") as stored:
                        if stored.read() != content:
                            raise CommandError(
                                f"{name} exists with another content; not overwritten."
                            )
                    kept += 1
                    continue
                saved = default_storage.save(name, ContentFile(content))
                if saved != name:
                    default_storage.delete(saved)
                    raise CommandError(f"The storage renamed {name} to {saved}; stopped.")
                restored += 1
        self.stdout.write(f"{restored} files restored, {kept} already there.")
