from modeltranslation.translator import TranslationOptions

from core.translation import register_translated as register
from network import models


@register(models.MemberState)
class MemberStateTranslation(TranslationOptions):
    fields = ("name", "status_note")


@register(models.Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("name", "acronym", "description")


@register(models.ContactGroup)
class ContactGroupTranslation(TranslationOptions):
    fields = ("name", "description", "principles")


@register(models.ContactGroupMeeting)
class ContactGroupMeetingTranslation(TranslationOptions):
    fields = ("place", "agenda", "outcome")


@register(models.ExpertiseArea)
class ExpertiseAreaTranslation(TranslationOptions):
    fields = ("name",)


@register(models.Language)
class LanguageTranslation(TranslationOptions):
    fields = ("name",)


@register(models.Region)
class RegionTranslation(TranslationOptions):
    fields = ("name",)


@register(models.RosterMember)
class RosterMemberTranslation(TranslationOptions):
    fields = ("current_position", "biography")


@register(models.RosterRole)
class RosterRoleTranslation(TranslationOptions):
    fields = ("title",)


@register(models.FieldContext)
class FieldContextTranslation(TranslationOptions):
    fields = ("name", "description")
