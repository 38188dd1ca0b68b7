from modeltranslation.translator import TranslationOptions

from conferences import models
from core.translation import register_translated as register


@register(models.Conference)
class ConferenceTranslation(TranslationOptions):
    fields = ("title", "theme", "city", "venue", "convened_by", "summary")


@register(models.Speaker)
class SpeakerTranslation(TranslationOptions):
    fields = ("position", "affiliation")


@register(models.Session)
class SessionTranslation(TranslationOptions):
    fields = ("title", "summary")


@register(models.Recommendation)
class RecommendationTranslation(TranslationOptions):
    fields = ("text", "addressee")


@register(models.RecommendationFollowUp)
class RecommendationFollowUpTranslation(TranslationOptions):
    fields = ("note",)


@register(models.Document)
class DocumentTranslation(TranslationOptions):
    fields = ("title",)


@register(models.CitedFigure)
class CitedFigureTranslation(TranslationOptions):
    fields = ("statement", "unit", "source")
