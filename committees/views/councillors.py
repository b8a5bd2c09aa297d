"""Councillors: a public page for each, with their seats, terms and register of interests."""

from django.urls import reverse
from django.views.generic import DetailView, ListView

from committees.selectors.councillors import councillor_seats, councillors_of
from committees.selectors.minutes import attendance_record, councillor_declarations
from scrutiny.views.generic import AuthorityMixin


def _councillors_crumb(authority):
    return (
        reverse("committees:councillor_list", kwargs={"authority": authority.slug}),
        "Councillors",
    )


class CouncillorListView(AuthorityMixin, ListView):
    """The council's councillors who sit on its scrutiny committees."""

    public = True
    template_name = "committees/councillor_list.html"
    context_object_name = "councillors"

    def get_queryset(self):
        return councillors_of(self.authority)


class CouncillorDetailView(AuthorityMixin, DetailView):
    """One councillor: party, ward, contact, seats with their terms, and interests."""

    public = True
    template_name = "committees/councillor_detail.html"
    context_object_name = "councillor"

    def get_queryset(self):
        return councillors_of(self.authority)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["seats"] = councillor_seats(context["councillor"])
        context["attendance"] = attendance_record(context["councillor"])
        context["declarations"] = councillor_declarations(self.request.user, context["councillor"])
        context["breadcrumbs"] = [_councillors_crumb(self.authority)]
        return context
