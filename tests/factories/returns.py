"""Factories and helpers for quarterly returns and their section forms."""

from __future__ import annotations

from returns.models import QuarterlyReturn, ReturnSection
from returns.sections import sections
from returns.services import return_open
from scrutiny.models import Authority, Period, User


def started_return(*, authority: Authority, period: Period, user: User) -> QuarterlyReturn:
    """A draft return as the web starts it (sections not offered yet marked cannot start)."""
    return return_open(authority=authority, period=period, started_by=user)


def section_of(quarterly_return: QuarterlyReturn, slug: str) -> ReturnSection:
    entry = sections()[slug]
    return quarterly_return.sections.get(key=entry.key)


def section_post(
    quarterly_return: QuarterlyReturn,
    slug: str,
    cells: dict[tuple[str, str], str] | None = None,
    status: str = "in-progress",
    user: User | None = None,
    **fields: str,
) -> dict[str, str]:
    """The POST a browser sends for a section page, as shown now, with ``cells`` typed over.

    ``cells`` maps (row label, field name) to what is typed (a date column has three
    fields: ``<name>_day``, ``_month`` and ``_year``; new rows are labelled "New <noun> n");
    ``fields`` set section fields (``commentary``, ``basis``, ``as_at_day`` ...). The page
    is shown as ``user`` sees it (the rows of a Part 2 report's recommendations only to its
    readers); by default as to nobody in particular.
    """
    entry_class = sections()[slug]
    section = section_of(quarterly_return, slug)
    entry = entry_class(quarterly_return=quarterly_return, section=section, user=user)
    data: dict[str, str] = {"status": status}
    formset = entry.formset
    management = formset.management_form
    for name in management.fields:
        data[management.add_prefix(name)] = str(management.initial.get(name, ""))
    data[management.add_prefix("TOTAL_FORMS")] = str(len(entry.rows))
    data[management.add_prefix("INITIAL_FORMS")] = str(len(entry.rows))
    by_label = {row.label: index for index, row in enumerate(entry.rows)}
    for row_form, row in zip(formset.forms, entry.rows, strict=True):
        data[row_form.add_prefix("key")] = row.key
        for name in (name for column in entry.columns for name in column.field_names):
            value = row_form[name].value()
            data[row_form.add_prefix(name)] = "" if value is None else str(value)
    for (label, column), value in (cells or {}).items():
        data[f"rows-{by_label[label]}-{column}"] = value
    for name in entry.form.fields:
        value = entry.form[name].value()
        data[name] = "" if value is None else str(value)
    data.update(fields)
    return data
