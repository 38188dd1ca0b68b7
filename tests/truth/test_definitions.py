"""The definitions of the figures are written once, shown to the public in three languages, and
quoted word for word in the README."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.utils import translation

from core.definitions import definitions
from tests.truth.surfaces import page, text_of

README = Path(__file__).resolve().parents[2] / "README.md"


def test_every_public_figure_has_a_definition_from_its_selector():
    keys = {definition.key for definition in definitions()}
    assert {
        "network_member",
        "public_profile",
        "contact_group_member",
        "diplomat_trained",
        "public_edition",
        "state_engaged",
        "recommendation_followed_up",
        "validated_delivery",
        "completion",
        "gap",
        "paragraph_status",
        "exceeds_target",
    } <= keys
    for definition in definitions():
        module, _, name = definition.selector.rpartition(".")
        selector = getattr(__import__(module, fromlist=[name]), name)
        assert selector.__doc__.startswith(f"{definition.term}: {definition.text}")


def test_the_readme_says_exactly_what_the_selectors_say():
    readme = README.read_text(encoding="utf-8")
    for definition in definitions():
        line = f"- **{definition.term}** (`{definition.selector}`): {definition.text}"
        assert line in readme, f"README.md lacks, or words differently: {line}"


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ar", "en", "fr"])
def test_the_figures_page_explains_how_each_figure_is_counted_in_the_readers_language(
    client, language
):
    text = text_of(page(client, "dashboard:figures", language=language))

    with translation.override(language):
        for definition in definitions():
            assert definition.translated_term in text
            assert definition.translated_text in text
            if language != "en":
                assert definition.translated_text != definition.text, definition.key
