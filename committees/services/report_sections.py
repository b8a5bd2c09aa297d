"""A draft report's sections: add, change, move and remove text and data blocks, each under
the report's lock and refused with ``ReportRefused`` in words fit to show the user."""

from __future__ import annotations

from django.db import transaction
from django.db.models import F, Max

from committees.authoring.text import text_to_html, too_long
from committees.models import Report, ReportSection
from committees.services.reports import ReportRefused, require_editable
from scrutiny.blocks import BlockChoiceError, block_type, check_choice
from scrutiny.models import Authority, User


def _block_params(authority: Authority, key: str, choice: str) -> dict:
    """A data block's parameters for a choice the author has just made, refused unless the
    council has figures for it (BlockChoiceError if there is no such kind of block)."""
    params = {"choice": choice}
    kind = block_type(key)
    try:
        check_choice(authority, key, params)
    except BlockChoiceError:
        raise ReportRefused(f"{kind.choose} the council has figures for.") from None
    return params


def section_add(
    *,
    report: Report,
    added_by: User,
    heading: str,
    text: str = "",
    block: str = "",
    choice: str = "",
    is_exempt: bool = False,
    exempt_paragraph: int | None = None,
) -> ReportSection:
    """A narrative section (``text``, as typed) or a data block (``block`` and its
    ``choice``), added after the others."""
    params = {}
    if message := too_long(text):
        raise ReportRefused(message)
    with transaction.atomic():
        report = require_editable(report, added_by)
        if block:
            params = _block_params(report.authority, block, choice)
        last = report.sections.aggregate(last=Max("order"))["last"] or 0
        return ReportSection.objects.create(
            report=report,
            order=last + 1,
            heading=heading,
            kind=ReportSection.Kind.DATA if block else ReportSection.Kind.NARRATIVE,
            text="" if block else text,
            body="" if block else text_to_html(text),
            block_type=block,
            block_params=params,
            is_exempt=is_exempt,
            exempt_paragraph=exempt_paragraph if is_exempt else None,
        )


def section_update(*, section: ReportSection, updated_by: User, **fields) -> ReportSection:
    """Change a section's heading, text, block choice or Part 2 status while a draft."""
    allowed = {"heading", "text", "choice", "is_exempt", "exempt_paragraph"}
    unknown = set(fields) - allowed
    if unknown:
        raise ValueError(f"Cannot change {', '.join(sorted(unknown))} of a section.")
    if message := too_long(fields.get("text", "")):
        raise ReportRefused(message)
    with transaction.atomic():
        report = require_editable(section.report, updated_by)
        return _apply(section, report, fields)


def _apply(section: ReportSection, report: Report, fields: dict) -> ReportSection:
    if "choice" in fields:
        if section.kind != ReportSection.Kind.DATA:
            raise ReportRefused("Only a data block has figures to choose.")
        section.block_params = _block_params(
            report.authority, section.block_type, fields.pop("choice")
        )
    if "text" in fields:
        if section.kind != ReportSection.Kind.NARRATIVE:
            raise ReportRefused("A data block has no text of its own.")
        section.body = text_to_html(fields["text"])
    for name, value in fields.items():
        setattr(section, name, value)
    if not section.is_exempt:
        section.exempt_paragraph = None
    section.save()
    return section


def section_move(*, section: ReportSection, moved_by: User, up: bool) -> None:
    """Swap the section with the one above (or below); nothing happens at either end."""
    with transaction.atomic():
        report = require_editable(section.report, moved_by)
        siblings = list(report.sections.order_by("order"))
        index = next(i for i, s in enumerate(siblings) if s.pk == section.pk)
        other = index - 1 if up else index + 1
        if not 0 <= other < len(siblings):
            return
        a, b = siblings[index], siblings[other]
        # Orders are unique per report: park one out of the way while the other moves.
        parked = max(s.order for s in siblings) + 1
        ReportSection.objects.filter(pk=a.pk).update(order=parked)
        ReportSection.objects.filter(pk=b.pk).update(order=a.order)
        ReportSection.objects.filter(pk=a.pk).update(order=b.order)


def section_delete(*, section: ReportSection, deleted_by: User) -> None:
    """Remove a section and close the gap it leaves."""
    with transaction.atomic():
        report = require_editable(section.report, deleted_by)
        order = section.order
        section.delete()
        for later in report.sections.filter(order__gt=order).order_by("order"):
            ReportSection.objects.filter(pk=later.pk).update(order=F("order") - 1)
