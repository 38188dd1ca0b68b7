"""The search pages: the public one (``/<language>/search/``), a state's own in My state, and the
Secretariat's across everything (``/admin/search/``). They share the form and the results; what
each may search is decided in ``oic_mediation.search``."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from core.text_search import MAX_QUERY_LENGTH, TextQuery
from network.models import MemberState
from oic_mediation import search


class SearchForm(forms.Form):
    q = forms.CharField(
        label=gettext_lazy("Search for"),
        max_length=MAX_QUERY_LENGTH,
        required=False,
        error_messages={
            "max_length": gettext_lazy(
                "Search for at most %(limit_value)d characters (you typed %(show_value)d)."
            )
        },
    )
    kind = forms.ChoiceField(label=gettext_lazy("Look in"), required=False)

    def __init__(self, *args, kinds=search.PUBLIC_KINDS, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Everything"))] + [
            (kind, search.KINDS[kind].label) for kind in kinds
        ]


def _search_context(request, parts_for, *, kinds, link) -> dict:
    """The form, and the page of results when a valid query was typed."""
    form = SearchForm(request.GET or None, kinds=kinds)
    context = {"form": form, "page_obj": None, "query_text": ""}
    if form.is_bound and form.is_valid() and form.cleaned_data["q"]:
        query = TextQuery(form.cleaned_data["q"], get_language() or "en")
        context["page_obj"] = search.results_page(
            parts_for(query),
            query,
            page=request.GET.get("page"),
            kind=form.cleaned_data["kind"] or None,
            link=link,
        )
        context["query_text"] = query.text
        kept = request.GET.copy()
        kept.pop("page", None)
        context["pagination_query"] = kept.urlencode()
    return context


def public_search(request):
    context = _search_context(
        request, search.public_parts, kinds=search.PUBLIC_KINDS, link=search.public_link
    )
    return TemplateResponse(request, "search/search.html", {**context, "section": "search"})


@login_required
def my_state_search(request, state: str):
    state = get_object_or_404(MemberState, slug=state)
    if not request.user.has_perm("network.act_for_state_memberstate", state):
        raise PermissionDenied(_("You can only act for your own state."))
    context = _search_context(
        request,
        lambda query: search.state_parts(query, state),
        kinds=search.STATE_KINDS,
        link=search.my_state_link(state),
    )
    return TemplateResponse(request, "my_state/search.html", {**context, "state": state})


def secretariat_search(request):
    """Everything the Secretariat keeps, linked to its admin pages."""
    if not request.user.has_perm("network.access_secretariat_area"):
        raise PermissionDenied
    context = _search_context(
        request, search.secretariat_parts, kinds=search.SECRETARIAT_KINDS, link=search.admin_link
    )
    return TemplateResponse(
        request,
        "search/admin_search.html",
        {**admin.site.each_context(request), **context, "title": _("Search everything")},
    )
