"""Secondary suppression across related indicators: per-role counts and their all-roles totals.

The table (one council, one quarter), as its eight indicators store it:

                          agency  permanent  in post
    social workers            3        40        43
    team managers            10        20        30
    senior practitioners      8        12        20
    all qualified roles      21        72        93

3 is small. Hiding it on its own row leaves it on the others: 21 - 10 - 8 = 3.
"""

import json
import re

import numpy as np
import pytest

from scorecards.models import Indicator, IndicatorValue
from scorecards.selectors import figures_for
from scrutiny.models import Period
from scrutiny.opendata import as_shown
from tests.factories.scorecards import IndicatorFactory, IndicatorValueFactory
from workforce.models import Role

QUARTER = Period.quarter

ROLES = {
    "social-workers": (3, 40),
    "team-managers": (10, 20),
    "senior-practitioners": (8, 12),
}
TOTAL = (21, 72)


def store(authority, code, numerator, denominator, period):
    indicator = IndicatorFactory(
        code=code, name=code.replace("-", " ").capitalize(), unit="percent"
    )
    return IndicatorValueFactory(
        indicator=indicator,
        authority=authority,
        period=period,
        numerator=numerator,
        denominator=denominator,
        reported_value=None,
    )


def fill(authority, roles=ROLES, total=TOTAL, period=None):
    period = period or QUARTER(2014, 4)
    for role, (agency, permanent) in roles.items():
        store(authority, f"agency-rate-{role}", agency, agency + permanent, period)
        store(authority, f"percent-permanent-{role}", permanent, agency + permanent, period)
    agency, permanent = total
    store(authority, "sw-agency-rate", agency, agency + permanent, period)
    store(authority, "sw-percent-permanent", permanent, agency + permanent, period)


def published(client, authority):
    """Every count and rate the reader can download, scorecard and indicator pages alike."""
    body = client.get(f"/{authority.slug}/scorecards/?format=json").content
    rows = {row["indicator_code"]: row for row in json.loads(body)["rows"]}
    for code in rows:
        page = client.get(f"/{authority.slug}/scorecards/{code}/?format=json").content
        [same] = json.loads(page)["rows"]
        for part in ("value", "numerator", "denominator"):
            # The indicator page hides exactly what the scorecard hides.
            assert as_shown(same, part) == as_shown(rows[code], part), (code, part)
    return rows


def cells(rows):
    """The table the reader can draw up: (column, role) -> the figure, or None for "c"."""
    table = {}
    for code, row in rows.items():
        if code.startswith("sw-"):
            role, measure = "all", code[3:]
        else:
            measure = "agency-rate" if code.startswith("agency-rate-") else "percent-permanent"
            role = code[len(measure) + 1 :]
        column = "agency" if measure == "agency-rate" else "permanent"
        for name, part in ((column, "numerator"), ("in post", "denominator")):
            shown = as_shown(row, part)
            value = None if shown == "c" else int(shown)
            assert table.get((name, role), value) == value
            table[(name, role)] = value
        if as_shown(row, "numerator") == "c" or as_shown(row, "denominator") == "c":
            # A rate beside a hidden count would give that count back.
            assert as_shown(row, "value") == "c", code
    return table


def sums(table):
    """Every sum the reader knows holds: each row, and each column down to its total."""
    roles = sorted({role for _, role in table} - {"all"})
    equations = [([("agency", r), ("permanent", r)], ("in post", r)) for r in [*roles, "all"]]
    for column in ("agency", "permanent", "in post"):
        equations.append(([(column, r) for r in roles], (column, "all")))
    return equations


def worked_out(table):
    """Hidden cells that linear algebra on the known sums pins to one value (numpy's rank)."""
    unknowns = sorted(key for key, value in table.items() if value is None)
    matrix = []
    for body, total in sums(table):
        row = [0.0] * len(unknowns)
        for key in body:
            if key in unknowns:
                row[unknowns.index(key)] += 1
        if total in unknowns:
            row[unknowns.index(total)] -= 1
        matrix.append(row)
    if not unknowns:
        return []
    matrix = np.array(matrix)
    rank = np.linalg.matrix_rank(matrix)
    found = []
    for k, key in enumerate(unknowns):
        unit = np.zeros(len(unknowns))
        unit[k] = 1
        if np.linalg.matrix_rank(np.vstack([matrix, unit])) == rank:
            found.append(key)
    return found


def squeezed(table):
    """Hidden cells a shown total leaves room only for 1s in (every "c" is at least 1)."""
    found = []
    for body, total in sums(table):
        hidden = [key for key in body if table[key] is None]
        if hidden and table[total] is not None:
            left = table[total] - sum(table[key] for key in body if table[key] is not None)
            if left <= len(hidden):
                found.extend(hidden)
    return found


def test_the_table_is_one_a_per_row_rule_leaks(authority):
    """The rule each figure applies alone hides the 3, yet the other rows print it back."""
    fill(authority)
    shown = {}
    for record in IndicatorValue.objects.filter(authority=authority).select_related("indicator"):
        figures = figures_for(record, 5)
        shown[record.indicator.code] = figures.numerator.public_value
    assert shown["agency-rate-social-workers"] is None
    total, others = (
        shown["sw-agency-rate"],
        [
            shown["agency-rate-team-managers"],
            shown["agency-rate-senior-practitioners"],
        ],
    )
    assert None not in [total, *others]
    assert total - sum(others) == 3


@pytest.mark.django_db
def test_the_public_cannot_work_out_a_hidden_count_from_the_other_roles_or_the_total(
    client, authority
):
    fill(authority)
    table = cells(published(client, authority))
    assert table[("agency", "social-workers")] is None
    # More than the one small count is hidden, or subtraction would give it back...
    assert sum(value is None for value in table.values()) > 2
    # ...and no sum on any page or download, nor any combination of them, pins a hidden one.
    assert worked_out(table) == []
    assert squeezed(table) == []


def test_the_public_scorecard_page_prints_c_where_the_download_does(client, authority):
    fill(authority)
    rows = published(client, authority)
    body = client.get(f"/{authority.slug}/scorecards/").content.decode()
    for code, row in rows.items():
        name = re.escape(Indicator.objects.get(code=code).name)
        match = re.search(rf">{name}</a>.*?</th>\s*<td[^>]*>(.*?)</td>", body, re.S)
        assert match, code
        assert match.group(1).strip().startswith("c") == (as_shown(row, "value") == "c"), code


def test_a_role_outside_the_total_does_not_loosen_the_rule(client, authority):
    """Business support is not a qualified social work role: it is on the page, not in 21."""
    for name in ("Social workers", "Team managers", "Senior practitioners"):
        Role.objects.create(name=name, is_qualified_social_work=True)
    Role.objects.create(name="Business support", is_qualified_social_work=False)
    fill(authority, roles={**ROLES, "business-support": (7, 23)})
    table = cells(published(client, authority))
    assert table[("agency", "social-workers")] is None
    qualified = {key: value for key, value in table.items() if key[1] != "business-support"}
    assert worked_out(qualified) == []
    assert squeezed(qualified) == []


def test_a_total_on_another_basis_ties_nothing_and_hides_nothing_more(client, authority):
    """The all-roles figure from another snapshot does not add up: it reveals nothing."""
    fill(authority, total=(30, 90))
    table = cells(published(client, authority))
    assert table[("agency", "social-workers")] is None
    assert table[("agency", "all")] == 30 and table[("agency", "team-managers")] == 10


def test_officers_see_every_count(officer_client, authority):
    fill(authority)
    table = cells(published(officer_client, authority))
    assert None not in table.values()
    assert table[("agency", "social-workers")] == 3


def test_each_period_is_its_own_table(client, authority):
    fill(authority)
    fill(
        authority,
        roles={role: (a + 10, p) for role, (a, p) in ROLES.items()},
        total=(51, 72),
        period=QUARTER(2014, 3),
    )
    body = client.get(f"/{authority.slug}/scorecards/?format=json&period=2014-15-q3").content
    rows = json.loads(body)["rows"]
    assert "c" not in [as_shown(row, part) for row in rows for part in ("numerator", "denominator")]
    # The indicator page, with both quarters, hides only in the quarter that needs it.
    page = client.get(f"/{authority.slug}/scorecards/sw-agency-rate/?format=json").content
    by_period = {row["period"]: as_shown(row, "numerator") for row in json.loads(page)["rows"]}
    assert by_period["Q3 2014/15"] == "51"
    assert Indicator.objects.filter(code__startswith="agency-rate-").count() == 3
