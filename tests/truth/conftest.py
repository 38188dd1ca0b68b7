import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def empty_cache(db):
    cache.clear()
