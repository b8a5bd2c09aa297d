"""A council's private charts (drawn with every figure) reach the documents that may show them.

The confidential pack and a report the public may not open are laid out as the council's
readers see them, so their charts are the private ones; before, the fetcher refused those
and the PDFs were built without their charts. A public document's fetcher still refuses them,
as it refuses another council's, and an oversized ``data:`` address is refused undecoded.
"""

import re
from dataclasses import replace
from io import BytesIO

import pytest
from django.utils import timezone
from pypdf import PdfReader

from committees.models import Report, ReportSection
from packs.documents import pack_source, report_source
from packs.fetcher import MAX_DATA_URL, ProjectFileFetcher, RefusedURL
from packs.models import RenderJob
from packs.render import render
from scrutiny.charts import BarChart, PrivateChartFolder, Series, cached_chart
from tests.factories.scrutiny import ReportSectionFactory

pytestmark = pytest.mark.django_db

Kind = RenderJob.Kind


def chart_block(title: str) -> dict:
    spec = BarChart(title=title, series=(Series("Wokingham", (("2014", 3), ("2015", 4))),))
    return {"subject": title, "charts": [{"spec": spec.as_dict(), "caption": title}]}


def drawing_operations(pdf: bytes) -> int:
    """How many lines, curves and rectangles the PDF's pages draw. WeasyPrint draws an SVG
    chart into the page itself (its bars, axes and lettering), not as a separate image, so
    a chart shows as a few hundred more of these."""
    count = 0
    for page in PdfReader(BytesIO(pdf)).pages:
        content = page.get_contents()
        if content is not None:
            count += len(re.findall(rb"\s(?:l|c|re)\n", content.get_data()))
    return count


@pytest.fixture
def secret_report(meeting):
    """The meeting's Part 2 report, with a frozen chart of the council's figures."""
    report = Report.objects.get(agenda_items__meeting=meeting, is_exempt=True)
    ReportSectionFactory(
        report=report,
        order=5,
        heading="Placements",
        kind=ReportSection.Kind.DATA,
        body="",
        block_type="indicator",
        frozen_at=timezone.now(),
        frozen_data={"public": chart_block("Placements"), "members": chart_block("Placements")},
    )
    return report


def test_the_confidential_pack_draws_its_private_charts(meeting, secret_report):
    source = pack_source(meeting, Kind.CONFIDENTIAL_PACK)
    assert source.private_charts_of == "wokingham"
    assert "/wokingham/scorecards/private/charts/" in source.html()
    rendered = render(source)
    assert rendered.refused == []
    # The same document as the fetcher used to read it: the chart was left out.
    without = render(replace(source, private_charts_of=None))
    assert any("/private/charts/" in url for url in without.refused)
    assert drawing_operations(rendered.pdf) > drawing_operations(without.pdf) + 100


def test_a_report_the_public_may_not_open_draws_its_private_charts(secret_report):
    source = report_source(secret_report)
    assert source.private_charts_of == "wokingham"
    rendered = render(source)
    assert rendered.refused == []
    without = render(replace(source, private_charts_of=None))
    assert drawing_operations(rendered.pdf) > drawing_operations(without.pdf) + 100


def test_public_documents_never_read_the_private_folder(meeting, secret_report):
    public = pack_source(meeting, Kind.PUBLIC_PACK)
    assert public.private_charts_of is None
    open_report = Report.objects.get(agenda_items__meeting=meeting, agenda_items__number=1)
    assert report_source(open_report).private_charts_of is None


def test_the_fetcher_serves_private_charts_only_to_their_councils_documents(settings):
    spec = BarChart(title="Small numbers", series=(Series("Wokingham", (("2015", 2),)),))
    folder = PrivateChartFolder.of("wokingham")
    drawn = cached_chart(spec, "svg", root=folder.root, url_prefix=folder.url_prefix)
    url = settings.PACK_SITE_URL.rstrip("/") + drawn.url
    assert ProjectFileFetcher("wokingham").fetch(url).read().startswith(b"<?xml")
    for fetcher in (ProjectFileFetcher(), ProjectFileFetcher("slough")):
        with pytest.raises(RefusedURL):
            fetcher.fetch(url)
        with pytest.raises(RefusedURL):
            fetcher.fetch(url.replace("wokingham", "slough"))


def test_a_huge_data_address_is_refused_before_it_is_decoded():
    fetcher = ProjectFileFetcher()
    small = "data:text/plain;base64,aGVsbG8="
    assert fetcher.fetch(small).read() == b"hello"
    with pytest.raises(RefusedURL):
        fetcher.fetch("data:image/png;base64," + "A" * MAX_DATA_URL)
    assert len(fetcher.refused[-1]) <= 200
