"""Published statistics in the DfE tidy layout: all or nothing, suppression kept, neighbours."""

from decimal import Decimal
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from scorecards.models import ComparatorValue, IndicatorValue
from scorecards.statistics import statistics_import
from scrutiny.models import Authority, NeighbourSet, NeighbourSetMember, Period
from tests.factories.scorecards import IndicatorFactory, IndicatorValueFactory
from tests.factories.scrutiny import AuthorityFactory, UserFactory

pytestmark = pytest.mark.django_db

SHIPPED = Path(__file__).resolve().parents[2] / "fixtures/statistics"
FILE = SHIPPED / "ILLUSTRATIVE-childrens-social-care-statistics.csv"


@pytest.fixture
def catalogue(db):
    for code in ("cin-rate", "cpp-rate", "cla-rate"):
        IndicatorFactory(code=code, unit="rate", polarity="lower")
    slough = AuthorityFactory(slug="slough", name="Slough Borough Council", la_code="871")
    AuthorityFactory(slug="wokingham", name="Wokingham Borough Council", la_code="872")
    return slough


def _everything():
    return (
        sorted(IndicatorValue.objects.values_list("indicator__code", "authority_id", "period_id")),
        sorted(ComparatorValue.objects.values_list("indicator__code", "period_id", "kind")),
        Authority.objects.count(),
    )


def test_the_shipped_file_is_marked_illustrative():
    assert "ILLUSTRATIVE" in FILE.name
    assert "ILLUSTRATIVE" in (SHIPPED / "README.md").read_text()


def test_the_shipped_file_loads_england_regions_and_councils(catalogue):
    result = statistics_import(source=FILE.read_bytes(), filename=FILE.name)
    assert result.ok, result.problems
    year = Period.year(2019)
    england = ComparatorValue.objects.get(indicator__code="cin-rate", kind="england", period=year)
    assert england.value == Decimal("323.7")
    assert "not published by the Department" in england.source
    region = ComparatorValue.objects.get(
        indicator__code="cla-rate", kind="region", region="south-west", period=year
    )
    assert region.value == Decimal("56.0")
    own = IndicatorValue.objects.get(
        indicator__code="cin-rate", authority=catalogue, period=Period.year(2018)
    )
    assert own.reported_value == Decimal("402.0") and own.is_illustrative
    # Councils never seen are comparators only, in their region, with their DfE code.
    reading = Authority.objects.get(la_code="870")
    assert (reading.name, reading.region, reading.is_active) == ("Reading", "south-east", False)
    assert sorted(result.councils_created) == ["Bracknell Forest", "Reading", "Wiltshire"]


def test_suppressed_cells_stay_suppressed(catalogue):
    result = statistics_import(source=FILE.read_bytes(), filename=FILE.name)
    assert result.suppressed == 2
    # Slough's 2019/20 looked-after rate is "c": no figure, not a 0.
    assert not IndicatorValue.objects.filter(
        indicator__code="cla-rate", authority=catalogue, period=Period.year(2019)
    ).exists()


def test_importing_again_changes_nothing(catalogue):
    statistics_import(source=FILE.read_bytes(), filename=FILE.name)
    before = _everything()
    again = statistics_import(source=FILE.read_bytes(), filename=FILE.name)
    assert (again.created, again.updated) == (0, 0) and again.unchanged > 0
    assert _everything() == before


def test_a_bad_file_changes_nothing_and_lists_every_problem(catalogue):
    lines = FILE.read_text().splitlines()
    lines[4] = lines[4].replace("402.0", '"22,5"')  # Slough 2018/19 children in need
    lines[5] = lines[5].replace("Financial year,Local authority", "Financial year,Ward")
    lines[6] = lines[6].replace(",288.0,", ",,")
    before = _everything()
    result = statistics_import(source="\n".join(lines).encode(), filename="bad.csv")
    assert [(p.row, p.column) for p in result.problems] == [
        (5, "cin_rate"),
        (6, "geographic_level"),
        (7, "cin_rate"),
    ]
    assert "Not a number" in result.problems[0].message
    assert _everything() == before


def test_an_unknown_indicator_column_is_refused_by_name(catalogue):
    text = FILE.read_text().replace("cla_rate", "cla_rat", 1)
    result = statistics_import(source=text.encode())
    assert [(p.row, p.column) for p in result.problems] == [(1, "cla_rat")]


def test_a_publication_mapping_names_its_columns(catalogue):
    text = FILE.read_text().replace("cla_rate", "rate_per_10000_cla", 1)
    assert not statistics_import(source=text.encode()).ok
    result = statistics_import(source=text.encode(), publication="children-looked-after-in-england")
    assert result.ok
    assert ComparatorValue.objects.filter(indicator__code="cla-rate", kind="england").count() == 2


def test_the_neighbour_average_is_the_mean_of_the_neighbours_rows(catalogue):
    statistics_import(source=FILE.read_bytes(), filename=FILE.name)
    neighbours = NeighbourSet.objects.create(authority=catalogue, start_year=2018)
    for rank, code in enumerate(("872", "870", "867"), start=1):
        NeighbourSetMember.objects.create(
            neighbour_set=neighbours, neighbour=Authority.objects.get(la_code=code), rank=rank
        )
    statistics_import(source=FILE.read_bytes(), filename=FILE.name)
    for code, year in (("cin-rate", 2018), ("cpp-rate", 2019)):
        rows = IndicatorValue.objects.filter(
            indicator__code=code,
            period=Period.year(year),
            authority__la_code__in=["872", "870", "867"],
        ).values_list("reported_value", flat=True)
        average = ComparatorValue.objects.get(
            indicator__code=code, kind="neighbours", authority=catalogue, period=Period.year(year)
        )
        assert average.value == (sum(rows) / len(rows)).quantize(Decimal("0.0001"))
    # Reading's 2019/20 protection-plan rate is suppressed: the mean is of the two given.
    assert "2 of 3" in average.basis


def test_a_figure_the_council_entered_is_kept(catalogue):
    own = IndicatorValueFactory(
        indicator=IndicatorFactory(code="cin-rate"),
        authority=catalogue,
        period=Period.year(2018),
        reported_value=Decimal("400.0"),
    )
    result = statistics_import(source=FILE.read_bytes(), filename=FILE.name)
    own.refresh_from_db()
    assert own.reported_value == Decimal("400.0") and result.kept == 1


def test_the_command_loads_the_file_or_lists_problems(catalogue, tmp_path, capsys):
    call_command("import_statistics", str(FILE))
    assert ComparatorValue.objects.filter(kind="england").count() == 6
    bad = tmp_path / "bad.csv"
    bad.write_text(FILE.read_text().replace("E12000008", "E12", 1))
    with pytest.raises(CommandError, match="1 problem"):
        call_command("import_statistics", str(bad))
    assert "Row 3, region_code" in capsys.readouterr().err


def test_the_admin_import_page_takes_a_statistics_file(catalogue, client):
    client.force_login(UserFactory(role="admin", is_staff=True, is_superuser=True))
    url = reverse("admin:scorecards_comparatorvalue_import")
    bad = SimpleUploadedFile("bad.csv", FILE.read_bytes().replace(b"E12000008", b"E12", 1))
    response = client.post(url, {"file": bad})
    assert "Not the code of an English region" in response.content.decode()
    assert not ComparatorValue.objects.exists()
    upload = SimpleUploadedFile(FILE.name, FILE.read_bytes())
    response = client.post(url, {"file": upload}, follow=True)
    assert "3 councils added as comparators" in response.content.decode()
    assert ComparatorValue.objects.filter(kind="england").count() == 6
