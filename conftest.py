"""Test-wide environment, set before Django reads its settings."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-secret-key-" + "x" * 40)
# The suite talks plain HTTP to its own servers; production HTTPS settings are checked separately.
os.environ.setdefault("DJANGO_HTTPS", "false")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("DJANGO_VAR_DIR", "/tmp/oic-mediation-test-var")
