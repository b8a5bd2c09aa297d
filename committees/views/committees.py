"""Committees, their members and meetings, and each meeting's agenda: public pages."""

from django.urls import reverse
from django.views.generic import DetailView

from committees.authoring.meeting_forms import AgendaPublishForm
from committees.filtersets import CommitteeFilterSet
from committees.models import Committee
from committees.selectors import agenda_for, committee_meetings, current_memberships, meeting_for
from committees.selectors.recommendations import committee_recommendations
from committees.services.meetings import agenda_lateness
from committees.tables import RECOMMENDATION_COLOURS, CommitteeTable, MeetingTable, MembershipTable
from scrutiny.permissions import can_manage_meetings
from scrutiny.views.generic import AuthorityMixin, ObjectDetailView, ObjectListView
from scrutiny.working_days import latest_publication_date


def _committees_crumb(authority):
    return (
        reverse("committees:committee_list", kwargs={"authority": authority.slug}),
        "Committees",
    )


class CommitteeListView(ObjectListView):
    """The council's scrutiny committees."""

    public = True
    queryset = Committee.objects.all()
    table_class = CommitteeTable
    filterset_class = CommitteeFilterSet
    title = "Committees"
    intro = "The committees that scrutinise children's services, their meetings and papers."


class CommitteeDetailView(ObjectDetailView):
    """A committee's remit, its members and their roles, and its meetings."""

    public = True
    template_name = "scrutiny/committee_detail.html"
    queryset = Committee.objects.select_related("authority")
    fields = ["remit"]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        committee = context["object"]
        upcoming, past = committee_meetings(self.request.user, committee)
        context["members"] = MembershipTable(
            current_memberships(committee), orderable=False, empty_text="No members recorded."
        )
        context["upcoming"] = MeetingTable(
            upcoming, orderable=False, empty_text="No meetings arranged."
        )
        context["past"] = MeetingTable(past, orderable=False, empty_text="No past meetings.")
        context["breadcrumbs"] = [_committees_crumb(self.authority)]
        context["can_manage"] = can_manage_meetings(self.request.user, self.authority)
        if context["can_manage"]:
            context["seats"] = list(committee.memberships.order_by("name"))
        return context


class MeetingDetailView(AuthorityMixin, DetailView):
    """A meeting and its agenda, with Part 2 items shown only to those who may see them."""

    public = True
    template_name = "scrutiny/meeting_detail.html"
    context_object_name = "meeting"

    def get_object(self, queryset=None):
        return meeting_for(self.request.user, self.authority, self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meeting = context["meeting"]
        context["agenda"] = agenda_for(self.request.user, meeting)
        context["notices"] = list(meeting.notices.all())
        context["can_manage"] = can_manage_meetings(self.request.user, self.authority)
        if context["can_manage"]:
            context["clerk_items"] = list(meeting.items.select_related("report").order_by("number"))
            context["publish_by"] = latest_publication_date(meeting.date)
            if not meeting.is_published:
                context.setdefault(
                    "publish_form", AgendaPublishForm(lateness=agenda_lateness(meeting))
                )
        context["breadcrumbs"] = [
            _committees_crumb(self.authority),
            (meeting.committee.get_absolute_url(), meeting.committee.name),
        ]
        return context


class CommitteeRecommendationsView(AuthorityMixin, DetailView):
    """The committee's recommendation tracker: owner, due date and each quarter's update."""

    public = True
    template_name = "scrutiny/committee_recommendations.html"
    context_object_name = "committee"
    slug_url_kwarg = "slug"

    def get_queryset(self):
        return Committee.objects.filter(authority=self.authority)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        committee = context["committee"]
        tracked = committee_recommendations(self.request.user, committee)
        by_source: dict[str, list] = {}
        for row in tracked:
            by_source.setdefault(row.recommendation.source, []).append(row)
        context["sources"] = list(by_source.items())
        context["status_colours"] = RECOMMENDATION_COLOURS
        context["breadcrumbs"] = [
            _committees_crumb(self.authority),
            (committee.get_absolute_url(), committee.name),
        ]
        return context
