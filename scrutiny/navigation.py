"""The council navigation every page shows: one entry per area, public ones first."""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse

from .permissions import can_administer_council, can_view_data


@dataclass(frozen=True)
class Section:
    label: str
    url_name: str
    public: bool
    description: str
    prefix: str  # URL path below the council that counts as "in" this section
    only_for: Callable | None = None  # beyond reading the council's figures, who sees it


SECTIONS = [
    Section("Overview", "committees:authority_home", True, "", ""),
    Section(
        "Meetings",
        "committees:committee_list",
        True,
        "Committees, their meetings, agendas and papers.",
        "committees/",
    ),
    Section(
        "Reports",
        "committees:report_list",
        True,
        "Reports to committee, with their cover sheets and sections.",
        "reports/",
    ),
    Section(
        "Search",
        "committees:report_search",
        True,
        "Search the reports you may read by their words.",
        "search/",
    ),
    Section(
        "Scorecards",
        "scorecards:indicator_list",
        True,
        "Indicators with targets, trends and comparators.",
        "scorecards/",
    ),
    Section(
        "Workforce",
        "workforce:home",
        False,
        "Staffing by role, starters and leavers, caseloads and training.",
        "workforce/",
    ),
    Section(
        "Programmes",
        "programmes:programme_list",
        False,
        "Signs of Safety, Partners in Practice and improvement plans.",
        "programmes/",
    ),
    Section(
        "Quality assurance",
        "assurance:home",
        False,
        "Complaints and compliments, audits, inspections, recommendations, contacts.",
        "assurance/",
    ),
    Section(
        "Returns",
        "returns:list",
        False,
        "Each quarter's figures: entered, submitted, approved and locked.",
        "returns/",
    ),
    Section(
        "Set up",
        "setup:task_list",
        False,
        "The council's details, teams, comparators, indicators and people.",
        "setup/",
        only_for=can_administer_council,
    ),
]


def sections_for(request, authority) -> list[dict]:
    """The sections this reader may open, with URLs and which one is current."""
    allowed = can_view_data(request.user, authority)
    base = reverse("committees:authority_home", kwargs={"authority": authority.slug})
    below = request.path[len(base) :] if request.path.startswith(base) else ""
    items = []
    for section in SECTIONS:
        if not (section.public or allowed):
            continue
        if section.only_for and not section.only_for(request.user, authority):
            continue
        try:
            url = reverse(section.url_name, kwargs={"authority": authority.slug})
        except NoReverseMatch:
            continue
        active = below.startswith(section.prefix) if section.prefix else below == ""
        items.append(
            {
                "label": section.label,
                "url": url,
                "active": active,
                "description": section.description,
                "url_name": section.url_name,
            }
        )
    return items
