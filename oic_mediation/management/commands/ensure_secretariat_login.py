"""Create the first Secretariat login with a generated password, printed once."""

import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from core.groups import sync_secretariat_group


class Command(BaseCommand):
    help = "Create a Secretariat staff login (once) with a random password, and print it."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="secretariat")
        parser.add_argument("--email", default="secretariat@localhost")

    def handle(self, *args, username: str, email: str, **options):
        user_model = get_user_model()
        user = user_model.objects.filter(username=username).first()
        if user is not None:
            self.stdout.write(
                f"  Secretariat login: {username} (already created; its password was printed on "
                f"the first run — to set a new one: .venv/bin/python manage.py changepassword "
                f"{username})"
            )
            return
        password = secrets.token_urlsafe(12)
        user = user_model.objects.create_user(
            username=username, email=email, password=password, is_staff=True
        )
        user.groups.add(sync_secretariat_group())
        self.stdout.write(self.style.SUCCESS("  Secretariat login created (shown only this once):"))
        self.stdout.write(f"    username: {username}\n    password: {password}")
