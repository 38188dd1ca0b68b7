"""API tokens moved to django-rest-knox, which stores only a hash (issue 13, finding 9).

DRF's tokens were stored as they are sent and never expired: every one is deleted, so each client
asks for a new token once (``POST /api/v1/auth/token/``). DRF's token app stays installed only so
that its table keeps following users (deleting a user deletes its rows); nothing issues or
accepts those tokens any more.
"""

from django.db import migrations


def delete_plain_text_tokens(apps, schema_editor):
    apps.get_model("authtoken", "Token").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("authtoken", "0004_alter_tokenproxy_options"),
        ("knox", "0009_extend_authtoken_field"),
    ]

    operations = [migrations.RunPython(delete_plain_text_tokens, migrations.RunPython.noop)]
