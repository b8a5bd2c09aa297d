"""The quarterly-return workflow: start, save a section, submit, approve, lock, reopen.

Each function checks the actor's right on the server, changes state atomically, and records
a ``ReturnEvent``; a refusal raises ``ReturnRefused`` with a message fit to show the user.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from scrutiny.models import Authority, Period, User
from scrutiny.permissions import may_act_on_returns

from .entry import SectionEntry
from .models import QuarterlyReturn, ReturnEvent, ReturnSection, ReturnSectionKey
from .sections import offered_keys

Status = QuarterlyReturn.Status


class ReturnRefused(Exception):
    """The action is not allowed now; the message says why, in words for the user."""


class StaleSection(ReturnRefused):
    """Someone else saved the section since this user opened it."""


def _require(user: User, authority: Authority, action: str, doing: str) -> None:
    if not may_act_on_returns(user, authority, action):
        raise ReturnRefused(f"You cannot {doing} for {authority.short_name}.")


def return_start(*, authority: Authority, period: Period, started_by: User) -> QuarterlyReturn:
    """The council's return for a quarter, created with all its sections if it is new."""
    if period.kind != Period.Kind.QUARTER:
        raise ReturnRefused("Returns are made for a quarter (April to June is Q1).")
    _require(started_by, authority, "start", "start a return")
    with transaction.atomic():
        quarterly_return, created = QuarterlyReturn.objects.get_or_create(
            authority=authority, period=period
        )
        if created:
            ReturnSection.objects.bulk_create(
                ReturnSection(quarterly_return=quarterly_return, key=key)
                for key in ReturnSectionKey.values
            )
            ReturnEvent.objects.create(
                quarterly_return=quarterly_return,
                action=ReturnEvent.Action.CREATED,
                actor=started_by,
            )
    return quarterly_return


def return_open(*, authority: Authority, period: Period, started_by: User) -> QuarterlyReturn:
    """Start a quarter's return and mark the sections no area offers as cannot start."""
    with transaction.atomic():
        quarterly_return = return_start(authority=authority, period=period, started_by=started_by)
        quarterly_return.sections.filter(status=ReturnSection.Status.NOT_STARTED).exclude(
            key__in=offered_keys()
        ).update(status=ReturnSection.Status.CANNOT_START, version=F("version") + 1)
    return quarterly_return


def section_enter(entry: SectionEntry, *, saved_by: User) -> bool:
    """Check a posted section and, if every rule passes, store its figures and its progress
    in one transaction (a stale copy or a locked return rolls the figures back too). False
    when a rule refused something: the problems are on ``entry`` for the page to show."""
    quarterly_return = entry.quarterly_return
    ensure_editable(authority=quarterly_return.authority, period=quarterly_return.period)
    if not entry.is_valid():
        return False
    with transaction.atomic():
        entry.store()
        section_save(
            section=entry.section,
            saved_by=saved_by,
            expected_version=entry.expected_version,
            status=entry.status,
            commentary=entry.commentary,
            nothing_to_report=entry.nothing_to_report,
            copied_rows=entry.unconfirmed_keys,
        )
    return True


def section_save(
    *,
    section: ReturnSection,
    saved_by: User,
    expected_version: int,
    status: str,
    commentary: str | None = None,
    nothing_to_report: bool | None = None,
    copied_rows: list[str] | None = None,
) -> ReturnSection:
    """Record a section's progress, refusing a save made against an out-of-date copy.

    The caller saves the section's figures in the same transaction, so a refusal here
    rolls those back too: nothing is saved half-way, and nobody's edit is overwritten.
    """
    quarterly_return = section.quarterly_return
    _require(saved_by, quarterly_return.authority, "edit", "edit figures")
    if not quarterly_return.is_editable:
        state = quarterly_return.get_status_display().lower()
        raise ReturnRefused(
            f"The {quarterly_return.period} return is {state}: "
            "figures change only through a correction."
        )
    if status not in ReturnSection.Status.values:
        raise ReturnRefused("Choose a status for the section.")
    changes = {
        "status": status,
        "version": F("version") + 1,
        "updated_by": saved_by,
        "updated_at": timezone.now(),
    }
    if commentary is not None:
        changes["commentary"] = commentary
    if nothing_to_report is not None:
        changes["nothing_to_report"] = nothing_to_report
    if copied_rows is not None:
        changes["copied_rows"] = copied_rows
    with transaction.atomic():
        # Claim the section only if nobody has saved it since this copy was read.
        claimed = ReturnSection.objects.filter(pk=section.pk, version=expected_version).update(
            **changes
        )
        if claimed != 1:
            current = ReturnSection.objects.select_related("updated_by").get(pk=section.pk)
            who = current.updated_by or "someone else"
            raise StaleSection(
                f"{who} saved “{section.get_key_display()}” after you opened it. Your changes "
                "have not been saved: open the section again to see theirs, then re-enter yours."
            )
        ReturnEvent.objects.create(
            quarterly_return=quarterly_return,
            action=ReturnEvent.Action.SECTION_SAVED,
            section=section.key,
            actor=saved_by,
        )
        # The claim above is an UPDATE, which history does not see: record the state now.
        section.refresh_from_db()
        section._history_user = saved_by
        section.save(update_fields=["status", "commentary", "nothing_to_report", "copied_rows"])
    return section


def _transition(
    quarterly_return: QuarterlyReturn, *, from_status: str, to_status: str, **fields
) -> None:
    """Move the return on only if it is still where the caller saw it (no double approval)."""
    moved = QuarterlyReturn.objects.filter(pk=quarterly_return.pk, status=from_status).update(
        status=to_status, **fields
    )
    if moved != 1:
        quarterly_return.refresh_from_db()
        raise ReturnRefused(
            f"The return is now {quarterly_return.get_status_display().lower()}; "
            "reload the page to see where it stands."
        )
    quarterly_return.refresh_from_db()


def return_submit(*, quarterly_return: QuarterlyReturn, submitted_by: User) -> QuarterlyReturn:
    """An officer sends a complete return for approval."""
    _require(submitted_by, quarterly_return.authority, "submit", "submit a return")
    unfinished = [
        s.get_key_display()
        for s in quarterly_return.sections.all()
        if s.status not in {ReturnSection.Status.COMPLETED, ReturnSection.Status.CANNOT_START}
    ]
    if unfinished:
        raise ReturnRefused("Complete every section before you submit: " + "; ".join(unfinished))
    with transaction.atomic():
        _transition(
            quarterly_return,
            from_status=Status.DRAFT,
            to_status=Status.SUBMITTED,
            submitted_by=submitted_by,
            submitted_at=timezone.now(),
        )
        ReturnEvent.objects.create(
            quarterly_return=quarterly_return,
            action=ReturnEvent.Action.SUBMITTED,
            actor=submitted_by,
        )
    return quarterly_return


def return_approve(*, quarterly_return: QuarterlyReturn, approved_by: User) -> QuarterlyReturn:
    """An approver (never the person who submitted it) signs the return off."""
    _require(approved_by, quarterly_return.authority, "approve", "approve a return")
    if quarterly_return.submitted_by_id == approved_by.pk:
        raise ReturnRefused("You submitted this return, so someone else must approve it.")
    with transaction.atomic():
        _transition(
            quarterly_return,
            from_status=Status.SUBMITTED,
            to_status=Status.APPROVED,
            approved_by=approved_by,
            approved_at=timezone.now(),
        )
        ReturnEvent.objects.create(
            quarterly_return=quarterly_return,
            action=ReturnEvent.Action.APPROVED,
            actor=approved_by,
        )
    return quarterly_return


def return_lock(*, quarterly_return: QuarterlyReturn, locked_by: User) -> QuarterlyReturn:
    """An approver locks an approved return: from now on only a correction changes it."""
    _require(locked_by, quarterly_return.authority, "lock", "lock a return")
    with transaction.atomic():
        _transition(
            quarterly_return,
            from_status=Status.APPROVED,
            to_status=Status.LOCKED,
            locked_at=timezone.now(),
        )
        ReturnEvent.objects.create(
            quarterly_return=quarterly_return, action=ReturnEvent.Action.LOCKED, actor=locked_by
        )
    return quarterly_return


def return_reopen(
    *, quarterly_return: QuarterlyReturn, reopened_by: User, reason: str
) -> QuarterlyReturn:
    """An approver reopens a signed-off return for a correction, saying why."""
    _require(reopened_by, quarterly_return.authority, "reopen", "reopen a return")
    reason = (reason or "").strip()
    if not reason:
        raise ReturnRefused("Say why the return is being reopened: the reason is kept.")
    if quarterly_return.status not in {Status.SUBMITTED, Status.APPROVED, Status.LOCKED}:
        raise ReturnRefused("Only a submitted, approved or locked return can be reopened.")
    with transaction.atomic():
        _transition(
            quarterly_return,
            from_status=quarterly_return.status,
            to_status=Status.DRAFT,
            approved_by=None,
            approved_at=None,
            locked_at=None,
        )
        ReturnEvent.objects.create(
            quarterly_return=quarterly_return,
            action=ReturnEvent.Action.REOPENED,
            actor=reopened_by,
            reason=reason,
        )
    return quarterly_return


def ensure_editable(*, authority: Authority, period: Period) -> None:
    """Refuse a change to figures whose quarter has been submitted, approved or locked."""
    quarter = period if period.kind == Period.Kind.QUARTER else None
    if quarter is None:
        return
    status = (
        QuarterlyReturn.objects.filter(authority=authority, period=quarter)
        .values_list("status", flat=True)
        .first()
    )
    if status not in (None, Status.DRAFT):
        raise ReturnRefused(
            f"The {quarter} return is {Status(status).label.lower()}: "
            "figures change only through a correction."
        )


def return_act(
    *, quarterly_return: QuarterlyReturn, action: str, actor: User, reason: str = ""
) -> str:
    """Do one of the return's workflow actions (the detail page's buttons) and say what was
    done, in words for the user; ReturnRefused if it may not be done now."""
    if quarterly_return.pk is None:
        raise ReturnRefused("Start this quarter's return first")
    if action == "submit":
        return_submit(quarterly_return=quarterly_return, submitted_by=actor)
        return "Return submitted for approval"
    if action == "approve":
        return_approve(quarterly_return=quarterly_return, approved_by=actor)
        return "Return approved"
    if action == "lock":
        return_lock(quarterly_return=quarterly_return, locked_by=actor)
        return "Return locked"
    if action == "reopen":
        return_reopen(quarterly_return=quarterly_return, reopened_by=actor, reason=reason)
        return "Return reopened for correction"
    raise ReturnRefused("Choose what to do with the return")
