from modeltranslation.translator import TranslationOptions

from core.translation import register_translated as register
from trainings import models


@register(models.Programme)
class ProgrammeTranslation(TranslationOptions):
    fields = ("name", "description", "organiser_detail")


@register(models.Edition)
class EditionTranslation(TranslationOptions):
    fields = ("title", "place", "description")
