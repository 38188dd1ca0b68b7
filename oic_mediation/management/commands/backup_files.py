"""Copy every stored file (evidence, published reports, documents, renderings) into a tar archive,
through the storage API: the same from the local disk or from the bucket. Used by `make backup`."""

from __future__ import annotations

import io
import tarfile
from pathlib import Path

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand

from oic_mediation.files import STORED_FOLDERS, stored_files


class Command(BaseCommand):
    help = "Write every stored file into a tar archive (make backup)."

    def add_arguments(self, parser):
        parser.add_argument("--output", required=True, help="the .tar file to write")

    def handle(self, *, output, **options):
        path = Path(output)
        partial = path.with_name(path.name + ".partial")
        count = 0
        with tarfile.open(partial, "w") as archive:
            for folder in STORED_FOLDERS:
                for name in stored_files(folder):
                    with default_storage.open(name, "rb") as stored:
                        content = stored.read()
                    info = tarfile.TarInfo(name)
                    info.size = len(content)
                    archive.addfile(info, io.BytesIO(content))
                    count += 1
        partial.rename(path)
        self.stdout.write(f"{count} files written to {path}.")
