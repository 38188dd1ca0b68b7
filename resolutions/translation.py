from modeltranslation.translator import TranslationOptions

from core.translation import register_translated as register
from resolutions import models


@register(models.Resolution)
class ResolutionTranslation(TranslationOptions):
    fields = ("title", "place", "summary")


@register(models.Paragraph)
class ParagraphTranslation(TranslationOptions):
    fields = ("title", "text", "expected_deliverables")


@register(models.ParagraphStatusUpdate)
class ParagraphStatusUpdateTranslation(TranslationOptions):
    fields = ("note",)


@register(models.Commitment)
class CommitmentTranslation(TranslationOptions):
    fields = ("title", "description")
