"""Input that would cost the server dearly is refused with a message, before it costs it.

A narrative of 10,000 table rows made a 287-page pack (a minute, 880 MB); a 30 MB embedded
picture cost 200 MB to clean before the picture was dropped. Typed text has its own limit
(tests/scrutiny/test_authoring_views.py); these are the limits on stored HTML, which the
admin edits directly, and on the size of a request.
"""

import tracemalloc

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from committees.models import Report, ReportSection
from scrutiny.sanitize import MAX_TABLE_ROWS, sanitize_html
from tests.factories.scrutiny import ReportFactory, ReportSectionFactory, UserFactory

pytestmark = pytest.mark.django_db

HUGE_TABLE = "<table>" + "<tr><td>A row</td></tr>" * 10_000 + "</table>"
HUGE_PICTURE = '<p>Chart</p><img alt="" src="data:image/png;base64,' + "A" * 30_000_000 + '">'


def test_a_table_of_10000_rows_is_shown_as_a_message_and_not_laid_out(authority):
    report = ReportFactory(authority=authority, published=True)
    ReportSectionFactory(report=report, heading="Figures", body=HUGE_TABLE)
    page = Client().get(report.get_absolute_url()).content.decode()
    assert "This section is too large to show" in page
    assert "at most 1,000 rows; this one has 10,000" in page
    assert page.count("<tr") < 100


def test_a_30_mb_embedded_picture_is_refused_before_it_is_cleaned():
    tracemalloc.start()
    try:
        shown = sanitize_html(HUGE_PICTURE)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "pictures cannot be embedded" in shown
    assert peak < 1_000_000, f"cleaning a refused section allocated {peak:,} bytes"


def test_the_admin_refuses_such_a_body_next_to_the_field(authority):
    report = ReportFactory(authority=authority)
    for body, words in [
        (HUGE_TABLE, f"at most {MAX_TABLE_ROWS:,} rows"),
        (HUGE_PICTURE, "pictures cannot be embedded"),
    ]:
        section = ReportSection(report=report, order=9, heading="Big", body=body)
        with pytest.raises(ValidationError) as refused:
            section.full_clean()
        assert words in refused.value.message_dict["body"][0]
    fits = ReportSection(report=report, order=9, body="<table>" + "<tr></tr>" * MAX_TABLE_ROWS)
    fits.full_clean()


def test_a_30_mb_form_post_is_refused_with_nothing_saved(client, authority):
    officer = UserFactory(role="officer", authorities=[authority])
    report = ReportFactory(authority=authority)
    client.force_login(officer)
    before = ReportSection.objects.count()
    response = client.post(
        f"/wokingham/reports/{report.pk}/sections/new/",
        {"heading": "Big", "text": "A" * 30_000_000},
    )
    assert response.status_code == 400
    assert ReportSection.objects.count() == before
    assert Report.objects.get(pk=report.pk).sections.count() == 0
