import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def empty_cache(db):
    """The database cache survives between transactional tests: start every test without it."""
    cache.clear()
