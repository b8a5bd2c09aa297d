"""import_statistics reads the DfE characteristic columns into figures by group: suppressed
cells never stored, a group the controlled list lacks refused by row and column, a council's
groups for a count never more than its total row; all or nothing."""

from decimal import Decimal as D

import pytest

from scorecards.models import BreakdownValue
from scorecards.statistics import statistics_import
from scrutiny.models import Period
from tests.factories.scorecards import IndicatorFactory
from tests.factories.scrutiny import AuthorityFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("catalogue", "breakdown_lists")]

HEAD = (
    "time_period,time_identifier,geographic_level,country_code,region_code,new_la_code,"
    "old_la_code,la_name,{}"
)
PLACE = "201920,Financial year,Local authority,E92000001,E12000008,E06000039,871,Slough"
NATION = "201920,Financial year,National,E92000001,,,,"


@pytest.fixture
def slough(db):
    IndicatorFactory(code="cla-count", unit="count", polarity="neither", decimals=0)
    return AuthorityFactory(slug="slough", name="Slough Borough Council", la_code="871")


def load(lines: list[str], columns: str) -> object:
    text = "\n".join([HEAD.format(columns), *lines]) + "\n"
    return statistics_import(source=text.encode(), filename="cla.csv")


def stored(slough) -> dict[str, D]:
    return {
        v.category.name: v.reported_value
        for v in BreakdownValue.objects.filter(authority=slough, period=Period.year(2019))
    }


def test_characteristic_rows_become_figures_by_group_suppressed_cells_never_stored(slough):
    result = load(
        [
            f"{PLACE},Total,Total,150,56.0",
            f"{PLACE},Age group,Under 1,9,45.0",
            f"{PLACE},Age group,1 to 4,c,c",
            f"{PLACE},Age group,10 to 15,61,50.4",
            f"{PLACE},Gender,Female,70,x",
            f"{NATION},Age group,Under 1,4000,12.0",
        ],
        "characteristic_type,characteristic,cla_count,cla_rate",
    )
    assert result.ok, result.problems
    rates = {
        v.category.name: v.reported_value
        for v in BreakdownValue.objects.filter(indicator__code="cla-rate", authority=slough)
    }
    assert rates == {"Under 1": D("45.0"), "10 to 15": D("50.4")}
    counts = {
        v.category.name: v.reported_value
        for v in BreakdownValue.objects.filter(indicator__code="cla-count", authority=slough)
    }
    assert counts == {"Under 1": 9, "10 to 15": 61, "Female": 70}
    assert BreakdownValue.objects.count() == 5  # England's groups are no council's figures
    assert result.group_figures == 5


def test_the_tidy_breakdown_column_is_read_too(slough):
    result = load(
        [f"{PLACE},Total,150", f"{PLACE},16 and over,30", f"{PLACE},Under 1,9"],
        "age_band,cla_count",
    )
    assert result.ok, result.problems
    assert stored(slough) == {"16 and over": 30, "Under 1": 9}


def test_a_group_not_on_the_list_and_groups_over_the_total_change_nothing(slough):
    result = load(
        [
            f"{PLACE},Total,Total,20",
            f"{PLACE},Age group,Under one,9",
            f"{PLACE},Gender,Male,15",
            f"{PLACE},Gender,Female,8",
        ],
        "characteristic_type,characteristic,cla_count",
    )
    assert not result.ok
    messages = [(p.row, p.column, p.message) for p in result.problems]
    assert (
        3,
        "characteristic",
        "“Under one” is not one of the age band groups: Under 1, 1 to 4, 5 to 9, 10 to 15, "
        "16 and over.",
    ) in messages
    assert not BreakdownValue.objects.exists()
    result = load(
        [f"{PLACE},Total,Total,20", f"{PLACE},Gender,Male,15", f"{PLACE},Gender,Female,8"],
        "characteristic_type,characteristic,cla_count",
    )
    assert [(p.row, p.column, p.message) for p in result.problems] == [
        (
            3,
            "cla_count",
            "cla_count by gender for E06000039: the values of the groups add up to 23, more "
            "than the 20 for the whole council",
        )
    ]
    assert not BreakdownValue.objects.exists()
