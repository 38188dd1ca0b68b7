from modeltranslation.translator import TranslationOptions, register

from trainings import models


@register(models.Programme)
class ProgrammeTranslation(TranslationOptions):
    fields = ("name", "description", "organiser_detail")


@register(models.Edition)
class EditionTranslation(TranslationOptions):
    fields = ("title", "place", "description")
