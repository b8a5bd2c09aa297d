"""What every page of a council's quarterly returns shares: the return in the URL, the way
back to the list, and the status tags."""

from __future__ import annotations

from django.urls import reverse

from scrutiny.permissions import may_edit_returns
from scrutiny.views.generic import AuthorityMixin

from ..models import QuarterlyReturn, ReturnSection
from ..selectors import parse_quarter, quarter_return

Status = QuarterlyReturn.Status
STATUS_TAGS = {
    Status.DRAFT: "govuk-tag--blue",
    Status.SUBMITTED: "govuk-tag--yellow",
    Status.APPROVED: "govuk-tag--green",
    Status.LOCKED: "govuk-tag--grey",
}
SECTION_TAGS = {
    ReturnSection.Status.NOT_STARTED: "govuk-tag--blue",
    ReturnSection.Status.IN_PROGRESS: "govuk-tag--light-blue",
    ReturnSection.Status.COMPLETED: "",
    ReturnSection.Status.CANNOT_START: "govuk-tag--grey",
}


def detail_url(quarterly_return: QuarterlyReturn) -> str:
    return reverse(
        "returns:detail",
        kwargs={
            "authority": quarterly_return.authority.slug,
            "period": quarterly_return.period.slug,
        },
    )


class InReturns:
    """Breadcrumbs back to the council's returns."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        url = reverse("returns:list", kwargs={"authority": self.authority.slug})
        context["breadcrumbs"] = [(url, "Quarterly returns"), *self.more_breadcrumbs()]
        context["can_edit"] = may_edit_returns(self.request.user, self.authority)
        return context

    def more_breadcrumbs(self) -> list[tuple[str, str]]:
        return []


class ReturnMixin(InReturns, AuthorityMixin):
    """Finds the council's return for the quarter in the URL (an unsaved draft if none)."""

    def dispatch(self, request, *args, **kwargs):
        self.quarter = parse_quarter(kwargs.get("period", ""))
        return super().dispatch(request, *args, **kwargs)

    def get_return(self) -> QuarterlyReturn:
        return quarter_return(self.authority, *self.quarter)


class BelowReturn(ReturnMixin):
    """A page below one return (a section, its changes, its spreadsheet)."""

    def more_breadcrumbs(self):
        return [(detail_url(self.quarterly_return), f"{self.quarterly_return.period} return")]
