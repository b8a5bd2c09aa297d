"""What quarterly returns give a person to do, for their work list (``scrutiny.worklist``):
officers, the sections of the quarter in hand not yet completed (only those with rows in
their service areas when limited to some); approvers, the returns submitted for their
approval (never their own); both, the quarters whose return is past its due date."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from scrutiny.models import Authority, UserRole
from scrutiny.permissions import (
    may_act_on_returns,
    return_actions,
    return_service_areas,
)
from scrutiny.worklist import WorkItem, submitted_note

from .due_dates import Quarter, due_dates, previous_quarter, quarter_in_hand
from .models import QuarterlyReturn, ReturnSection
from .sections import sections
from .selectors import unsaved_quarter

# How far back a quarter can be overdue: a year (the quarter in hand and the three before).
OVERDUE_LOOKBACK = 4
OPEN_SECTION = [ReturnSection.Status.NOT_STARTED, ReturnSection.Status.IN_PROGRESS]


def _url(authority: Authority, quarter: Quarter, section: str = "") -> str:
    kwargs = {"authority": authority.slug, "period": unsaved_quarter(*quarter).slug}
    if section:
        return reverse("returns:section", kwargs={**kwargs, "section": section})
    return reverse("returns:detail", kwargs=kwargs)


def _label(quarter: Quarter) -> str:
    return unsaved_quarter(*quarter).label


def _owed_quarters(in_hand: Quarter, first: Quarter | None) -> list[Quarter]:
    """The quarters a council may owe: a year back from the quarter in hand, none before its
    first return (a council with none owes only the quarter in hand)."""
    owed = [in_hand]
    while len(owed) < OVERDUE_LOOKBACK and first is not None and owed[-1] > first:
        owed.append(previous_quarter(owed[-1]))
    return owed


def return_work(user, councils: dict[int, Authority], today: dt.date) -> list[WorkItem]:
    ids = [a for a in councils if may_act_on_returns(user, councils[a], "edit")]
    if not ids:
        return []
    in_hand = quarter_in_hand(today)
    dues = due_dates(ids)
    returns: dict[tuple[int, Quarter], QuarterlyReturn] = {}
    first: dict[int, Quarter] = {}
    for r in QuarterlyReturn.objects.filter(authority_id__in=ids).select_related(
        "period", "submitted_by"
    ):
        quarter = (r.period.start_year, r.period.number)
        returns[(r.authority_id, quarter)] = r
        first[r.authority_id] = min(first.get(r.authority_id, quarter), quarter)
    drafts_in_hand = [
        r.pk
        for (authority_id, quarter), r in returns.items()
        if quarter == in_hand
        and r.status == QuarterlyReturn.Status.DRAFT
        and may_act_on_returns(user, councils[authority_id], "submit")
    ]
    open_sections: dict[int, list[ReturnSection]] = {}
    if drafts_in_hand:
        for section in ReturnSection.objects.filter(
            quarterly_return_id__in=drafts_in_hand, status__in=OPEN_SECTION
        ):
            open_sections.setdefault(section.quarterly_return_id, []).append(section)
    items: list[WorkItem] = []
    for authority_id in ids:
        authority = councils[authority_id]
        submits = may_act_on_returns(user, authority, "submit")
        owner = UserRole.OFFICER if submits else UserRole.APPROVER
        due = dues.due(authority_id, in_hand)
        current = returns.get((authority_id, in_hand))
        if submits:
            items += _sections_to_do(user, authority, in_hand, current, open_sections, due, today)
        for quarter in _owed_quarters(in_hand, first.get(authority_id)):
            if submits and quarter == in_hand:
                continue  # its start or its sections are listed above, marked overdue
            found = returns.get((authority_id, quarter))
            quarter_due = dues.due(authority_id, quarter)
            if quarter_due >= today or (found and found.status != QuarterlyReturn.Status.DRAFT):
                continue
            items.append(
                WorkItem(
                    authority_id,
                    owner,
                    f"{_label(quarter)} return",
                    _url(authority, quarter),
                    due=quarter_due,
                    overdue=True,
                    note="Not started" if found is None else "Not yet submitted",
                )
            )
        if may_act_on_returns(user, authority, "approve"):
            items += _to_approve(user, authority, returns)
    return items


def _sections_to_do(user, authority, in_hand, current, open_sections, due, today):
    overdue = due < today
    if current is None:
        text = f"Start the {_label(in_hand)} return"
        url = _url(authority, in_hand)
        return [WorkItem(authority.pk, UserRole.OFFICER, text, url, due, overdue)]
    if current.status != QuarterlyReturn.Status.DRAFT:
        return []
    limited = return_service_areas(user, authority) is not None
    open_keys = {s.key: s for s in open_sections.get(current.pk, [])}
    items = []
    for entry in sections().values():
        section = open_keys.get(str(entry.key))
        if section is None or (limited and not entry.team_rows):
            continue
        items.append(
            WorkItem(
                authority.pk,
                UserRole.OFFICER,
                f"{entry.title}, {_label(in_hand)}",
                _url(authority, in_hand, entry.slug),
                due,
                overdue,
                note=section.get_status_display(),
            )
        )
    if not open_keys:  # every section done: what is left is to submit it
        text = f"Submit the {_label(in_hand)} return"
        items.append(
            WorkItem(authority.pk, UserRole.OFFICER, text, _url(authority, in_hand), due, overdue)
        )
    return items


def _to_approve(user, authority, returns):
    items = []
    for (authority_id, quarter), r in sorted(returns.items(), key=lambda kv: kv[0][1]):
        if authority_id != authority.pk or r.status != QuarterlyReturn.Status.SUBMITTED:
            continue
        r.authority = authority
        if "approve" not in return_actions(user, r):  # never their own submission
            continue
        items.append(
            WorkItem(
                authority.pk,
                UserRole.APPROVER,
                f"Approve the {_label(quarter)} return",
                _url(authority, quarter),
                note=submitted_note(r.submitted_by, r.submitted_at),
            )
        )
    return items
