"""Registering translated fields on a model and on its django-simple-history twin.

simple-history builds the historical model before modeltranslation adds ``name_ar``, ``name_en``…
so the historical model must be registered too, or saving a translated record fails and its
history would lose the translations.
"""

from __future__ import annotations

from modeltranslation.translator import TranslationOptions, translator


def register_translated(model):
    def decorator(options: type[TranslationOptions]) -> type[TranslationOptions]:
        translator.register(model, options)
        history_manager = getattr(model, "history", None)
        historical_model = getattr(history_manager, "model", None)
        if historical_model is not None and historical_model is not model:
            translator.register(historical_model, options)
        return options

    return decorator
