"""The public dashboard: read-only pages, their figures cached until the data changes."""

from __future__ import annotations

from django.core.paginator import Page, Paginator
from django.shortcuts import get_object_or_404
from django.utils.formats import date_format
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from conferences.models import Conference
from network.models import ContactGroup, MemberState
from oic_mediation import charts
from oic_mediation.dashboard import selectors
from oic_mediation.dashboard.cache import cached
from oic_mediation.dashboard.world_map import member_state_map
from resolutions import selectors as resolution_selectors
from resolutions.models import ImplementationStatus

# The chart of participants by state shows the leading states only, to stay readable.
TOP_STATES = 15
# Lists that grow with the years are shown a page at a time, never longer than this.
PAGE_SIZE = 25


def paginate(request, items, per_page: int = PAGE_SIZE) -> Page:
    """The requested page of ``items``: the first for a missing or malformed number, the last
    for one past the end (Paginator.get_page). Costs a count and the page's rows."""
    return Paginator(items, per_page).get_page(request.GET.get("page"))


def language_free(selector, *items):
    """``selector(*items)``, cached once for the three languages: a selector of figures that holds
    no translated text (labels are looked up when shown), so that after a write the Arabic,
    English and French pages share one computation. ``items`` are model instances (keyed by
    their primary key)."""
    return cached(
        selector.__name__,
        lambda: selector(*items),
        *(item.pk for item in items),
        per_language=False,
    )


class DashboardPage(TemplateView):
    """A public page: ``build()`` gives its figures, cached until the data changes; what depends
    on the request (the page of a list) is added in ``get_context_data``."""

    # The navigation's highlighted entry.
    section = ""

    def build(self) -> dict:
        return {}

    def cache_parts(self) -> tuple:
        return ()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["section"] = self.section
        if type(self).build is not DashboardPage.build:
            # Keyed by the view: pages of one section compute different figures.
            context.update(cached(type(self).__name__, self.build, *self.cache_parts()))
        return context


class ItemPage(DashboardPage):
    """A page about one item named in the URL (404 when there is none), with one of its lists a
    page at a time: the item is in the context under ``item_name``, the list's page as
    ``page_obj``."""

    item_name = ""

    def get_item(self, **kwargs):
        raise NotImplementedError

    def get_list(self):
        raise NotImplementedError

    def get(self, request, *args, **kwargs):
        self.item = self.get_item(**kwargs)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context[self.item_name] = self.item
        context["page_obj"] = paginate(self.request, self.get_list())
        return context


def timeline_charts(chart_id: str, timelines) -> list:
    """One step chart per unit: pledged against delivered at the end of each year and today."""
    rtl = get_language_bidi()
    found = []
    for timeline in timelines:
        days = [point.day for point in timeline.points]
        labels = [
            str(day.year) if position < len(days) - 1 else date_format(day, "DATE_FORMAT")
            for position, day in enumerate(days)
        ]
        found.append(
            charts.step_chart(
                f"{chart_id}-{timeline.unit}",
                _("Pledged and delivered over time, in %(unit)s") % {"unit": timeline.label},
                labels,
                [
                    (_("Pledged"), [point.pledged for point in timeline.points]),
                    (_("Delivered"), [point.delivered for point in timeline.points]),
                ],
                rtl=rtl,
                category_header=_("At the end of"),
            )
        )
    return found


def engagement_labels() -> dict[str, str]:
    return {
        "implemented": _("All commitments delivered"),
        "in_progress": _("Delivering on commitments"),
        "not_started": _("Committed, delivery not started"),
        "engaged": _("Engaged without a commitment"),
        "none": _("No recorded engagement"),
        "observer": _("Observer state"),
    }


class HomeView(DashboardPage):
    template_name = "dashboard/home.html"
    section = "home"

    def build(self) -> dict:
        overview = language_free(selectors.implementation_overview)
        rtl = get_language_bidi()
        overview["status_chart"] = charts.bar_chart(
            "chart-paragraph-status",
            _("Paragraphs and measures by implementation status"),
            [
                (status.label, overview["status_counts"][status.value])
                for status in ImplementationStatus
            ],
            rtl=rtl,
            label_header=_("Status"),
            value_header=_("Paragraphs and measures"),
            colours=[charts.STATUS_COLOURS[status.value] for status in ImplementationStatus],
        )
        overview["unit_chart"] = charts.progress_chart(
            "chart-pledged-delivered",
            _("Pledged and delivered, by unit"),
            [(unit.label, unit.delivered, unit.pledged) for unit in overview["units"]],
            rtl=rtl,
            label_header=_("Unit"),
        )
        return overview


class ParagraphView(ItemPage):
    """One paragraph or measure: its figures and every commitment, a page at a time."""

    template_name = "dashboard/paragraph.html"
    section = "home"
    item_name = "paragraph"

    def get_item(self, **kwargs):
        return get_object_or_404(resolution_selectors.paragraphs_with_figures(), pk=kwargs["pk"])

    def get_list(self):
        return selectors.paragraph_commitments(self.item)

    def cache_parts(self) -> tuple:
        return ("paragraph", self.item.pk)

    def build(self) -> dict:
        page = language_free(selectors.paragraph_page, self.item)
        page["timeline_charts"] = timeline_charts("chart-paragraph-timeline", page.pop("timelines"))
        return page


class StatesView(DashboardPage):
    template_name = "dashboard/states.html"
    section = "states"

    def build(self) -> dict:
        states = language_free(selectors.states_with_engagement)
        labels = engagement_labels()
        counts = dict.fromkeys(selectors.ENGAGEMENT_LEVELS, 0)
        for state in states:
            counts[state.engagement] += 1
            state.engagement_label = labels[state.engagement]
        legend = [
            {"level": level, "label": labels[level], "count": counts[level]}
            for level in selectors.ENGAGEMENT_LEVELS
            if level != "observer" or counts[level]
        ]
        return {
            "states": states,
            "legend": legend,
            "engagement_chart": charts.bar_chart(
                "chart-engagement",
                _("Member states by engagement"),
                [(item["label"], item["count"]) for item in legend],
                rtl=get_language_bidi(),
                label_header=_("Engagement"),
                value_header=_("States"),
            ),
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Drawn on each request from the shapes in memory: caching 100 kB of paths saves nothing.
        context["map"] = member_state_map(context["states"])
        return context


class StateView(DashboardPage):
    template_name = "dashboard/state.html"
    section = "states"

    def get(self, request, *args, **kwargs):
        self.state = get_object_or_404(MemberState, slug=kwargs["slug"])
        return super().get(request, *args, **kwargs)

    def cache_parts(self) -> tuple:
        return ("state", self.state.pk)

    def build(self) -> dict:
        profile = language_free(selectors.state_profile, self.state)
        profile.reporting.light_label = light_labels()[profile.reporting.light]
        return {
            "profile": profile,
            "state": self.state,
            "unit_chart": charts.progress_chart(
                "chart-state-units",
                _("Pledged and delivered by %(state)s, by unit") % {"state": self.state.name},
                [(unit.label, unit.delivered, unit.pledged) for unit in profile.units],
                rtl=get_language_bidi(),
                label_header=_("Unit"),
            ),
            "timeline_charts": timeline_charts("chart-state-timeline", profile.timelines),
        }


class StateCommitmentsView(ItemPage):
    """Every commitment of one member state, a page at a time."""

    template_name = "dashboard/state_commitments.html"
    section = "states"
    item_name = "state"

    def get_item(self, **kwargs):
        return get_object_or_404(MemberState, slug=kwargs["slug"])

    def get_list(self):
        return selectors.state_commitments(self.item)


class ContactGroupView(DashboardPage):
    template_name = "dashboard/contact_group.html"
    section = "contact_group"

    def build(self) -> dict:
        return {"groups": selectors.contact_groups()}


class ContactGroupMeetingsView(ItemPage):
    """Every meeting of one contact group, the latest first, a page at a time."""

    template_name = "dashboard/contact_group_meetings.html"
    section = "contact_group"
    item_name = "group"

    def get_item(self, **kwargs):
        return get_object_or_404(ContactGroup, slug=kwargs["slug"])

    def get_list(self):
        return selectors.group_meetings(self.item)


class NetworkView(DashboardPage):
    template_name = "dashboard/network.html"
    section = "network"

    def build(self) -> dict:
        overview = selectors.network_overview()
        rtl = get_language_bidi()
        people = _("People")
        breakdowns = [
            ("chart-network-role", _("By role"), _("Role"), overview["by_role"]),
            ("chart-network-gender", _("By gender"), _("Gender"), overview["by_gender"]),
            (
                "chart-network-group",
                _("By geographic group of the nominating state"),
                _("Geographic group"),
                overview["by_group"],
            ),
            (
                "chart-network-region",
                _("By region of experience"),
                _("Region"),
                overview["by_region"],
            ),
            (
                "chart-network-expertise",
                _("By expertise"),
                _("Expertise"),
                overview["by_expertise"],
            ),
            ("chart-network-language", _("By language"), _("Language"), overview["by_language"]),
        ]
        overview["charts"] = [
            charts.bar_chart(
                chart_id, title, rows, rtl=rtl, label_header=header, value_header=people
            )
            for chart_id, title, header, rows in breakdowns
        ]
        return overview

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page_obj"] = paginate(self.request, selectors.public_profiles(), per_page=24)
        return context


class TrainingsView(DashboardPage):
    template_name = "dashboard/trainings.html"
    section = "trainings"

    def build(self) -> dict:
        overview = selectors.trainings_overview()
        rtl = get_language_bidi()
        years = sorted({year for year, _level in overview["year_level"]})
        overview["year_chart"] = charts.stacked_columns(
            "chart-trainings-years",
            _("Participants by year and level"),
            [str(year) for year in years],
            list(overview["level_labels"].items()),
            {(str(year), level): total for (year, level), total in overview["year_level"].items()},
            rtl=rtl,
            category_header=_("Year"),
        )
        overview["state_chart"] = charts.bar_chart(
            "chart-trainings-states",
            _("Member states with the most participants"),
            [(row["state"].name, row["total"]) for row in overview["by_state"][:TOP_STATES]],
            rtl=rtl,
            label_header=_("Member state"),
            value_header=_("Participants"),
        )
        del overview["year_level"]
        return overview

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page_obj"] = paginate(
            self.request, selectors.programmes_with_latest_editions(), per_page=10
        )
        context["programmes"] = context["page_obj"].object_list
        return context


class ProgrammeView(ItemPage):
    """One training programme and every edition, latest first, a page at a time."""

    template_name = "dashboard/programme.html"
    section = "trainings"
    item_name = "programme"

    def get_item(self, **kwargs):
        return get_object_or_404(selectors.programmes(), slug=kwargs["slug"])

    def get_list(self):
        return selectors.programme_editions(self.item)


class ConferencesView(DashboardPage):
    template_name = "dashboard/conferences.html"
    section = "conferences"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page_obj"] = paginate(self.request, selectors.conferences_overview(), per_page=10)
        context["conferences"] = context["page_obj"].object_list
        return context


class ConferenceView(ItemPage):
    """One conference: its sessions and speakers, documents, and recommendations a page at a time."""

    template_name = "dashboard/conference.html"
    section = "conferences"
    item_name = "conference"

    def get_item(self, **kwargs):
        return selectors.conference_detail(get_object_or_404(Conference, ordinal=kwargs["ordinal"]))

    def get_list(self):
        return selectors.conference_recommendations(self.item)

    def cache_parts(self) -> tuple:
        return ("conference", self.item.pk)

    def build(self) -> dict:
        return {"carried_forward": selectors.carried_forward(self.item)}


def light_labels() -> dict:
    return {
        "green": _("Up to date"),
        "amber": _("Report overdue"),
        "red": _("More than two years overdue"),
        None: _("Nothing to report"),
    }


class ReportingView(DashboardPage):
    """Who reports: each state's reporting light, and the reporting rate over time."""

    template_name = "dashboard/reporting.html"
    section = "reporting"

    def build(self) -> dict:
        overview = language_free(selectors.reporting_overview)
        labels = light_labels()
        for state in overview["states"]:
            state["light_label"] = labels[state["light"]]
        overview["legend"] = [
            {"light": light, "label": labels[light], "count": overview["state_lights"][light]}
            for light in resolution_selectors.LIGHTS
        ]
        rates = overview.pop("rates")
        days = [rate.day for rate in rates]
        overview["rate_chart"] = charts.step_chart(
            "chart-reporting-rate",
            _("Reporting rate over time, in per cent of the commitments that report"),
            [
                str(day.year) if position < len(days) - 1 else date_format(day, "DATE_FORMAT")
                for position, day in enumerate(days)
            ],
            [(_("Reporting on time (%)"), [rate.percent for rate in rates])],
            rtl=get_language_bidi(),
            category_header=_("At the end of"),
        )
        return overview


class FiguresView(DashboardPage):
    template_name = "dashboard/figures.html"
    section = "figures"

    def build(self) -> dict:
        return {"figures": selectors.cited_figures(), "definitions": selectors.definitions()}
