"""Registering translated fields on a model and on its django-simple-history twin.

simple-history builds the historical model before modeltranslation adds ``name_ar``, ``name_en``…
so the historical model must be registered too, or saving a translated record fails and its
history would lose the translations.
"""

from __future__ import annotations

from modeltranslation.settings import AVAILABLE_LANGUAGES
from modeltranslation.translator import TranslationOptions, translator
from modeltranslation.utils import build_localized_fieldname


def register_translated(model):
    def decorator(options: type[TranslationOptions]) -> type[TranslationOptions]:
        translator.register(model, options)
        history_manager = getattr(model, "history", None)
        historical_model = getattr(history_manager, "model", None)
        if historical_model is not None and historical_model is not model:
            translator.register(historical_model, options)
            restore_translations_on_revert(historical_model, options.fields)
        return options

    return decorator


def restore_translations_on_revert(historical_model, fields) -> None:
    """A historical row's ``instance`` — the record as it was, which the admin's revert form shows
    and saves — carries its Arabic, English and French columns.

    simple-history builds ``instance`` from the fields the historical model had when it was
    created, before modeltranslation added the language columns: a revert would show them blank
    and save them blank, although the historical row holds them.
    """
    columns = [
        build_localized_fieldname(field, language)
        for field in fields
        for language in AVAILABLE_LANGUAGES
    ]
    build_instance = historical_model.instance.fget

    def instance(historical):
        record = build_instance(historical)
        for column in columns:
            setattr(record, column, getattr(historical, column))
        return record

    historical_model.instance = property(instance)
