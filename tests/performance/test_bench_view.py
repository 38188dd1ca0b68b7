"""The benchmark's bare view exists only when OIC_BENCH is set (`make bench`), never otherwise."""

from django.conf import settings


def test_the_bare_benchmark_view_is_not_routed_outside_bench_mode(client):
    assert settings.BENCH_MODE is False

    response = client.get("/bench/bare/")

    assert response.status_code == 404
