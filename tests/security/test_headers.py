"""Every kind of response carries the security headers: a Content Security Policy without
'unsafe-inline', no framing, a referrer policy, a permissions policy and no type sniffing:
pages, CSV and JSON downloads, PDFs, feeds, calendars, sign-in and error pages alike."""

from __future__ import annotations

import pytest
from django.urls import reverse

from committees.models import Report
from demo import load_demo
from packs.models import RenderJob
from packs.services import report_pdf_request
from tests.factories.scrutiny import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(django_capture_on_commit_callbacks):
    load_demo()
    report = Report.objects.filter(status=Report.Status.PUBLISHED, is_exempt=False).first()
    with django_capture_on_commit_callbacks(execute=True):
        report_pdf_request(report=report)
    assert RenderJob.objects.get().state == RenderJob.State.DONE
    return report


def responses(client, report):
    """(kind, response) for one response of every kind the site gives."""
    slug = report.authority.slug
    committee = report.committee
    pdf = reverse("packs:report_pdf", kwargs={"authority": slug, "pk": report.pk})
    officer = UserFactory(
        username="headers-officer", role="officer", authorities=[report.authority]
    )
    yield "page", client.get("/")
    yield "report page", client.get(report.get_absolute_url())
    yield "PDF", client.get(pdf, {"format": "pdf"})
    feed = {"authority": slug, "slug": committee.slug}
    yield "Atom feed", client.get(reverse("committees:committee_feed", kwargs=feed))
    yield "calendar", client.get(reverse("committees:committee_calendar", kwargs=feed))
    yield "sitemap", client.get(reverse("sitemap"))
    yield "sign-in page", client.get(reverse("login"))
    yield "not found", client.get("/no-such-page/")
    yield "sign-in needed", client.get(reverse("returns:list", kwargs={"authority": slug}))
    client.force_login(officer)
    scorecard = reverse("scorecards:indicator_list", kwargs={"authority": slug})
    yield "CSV", client.get(scorecard, {"format": "csv"})
    yield "JSON", client.get(scorecard, {"format": "json"})
    client.force_login(UserFactory(username="headers-elsewhere", role="officer"))
    yield "forbidden", client.get(reverse("returns:list", kwargs={"authority": slug}))


def test_every_kind_of_response_carries_the_security_headers(client, demo):
    seen = {}
    for kind, response in responses(client, demo):
        seen[kind] = response.status_code
        policy = response.get("Content-Security-Policy", "")
        assert "default-src 'self'" in policy, kind
        assert "unsafe-inline" not in policy, kind
        assert "frame-ancestors 'none'" in policy, kind
        assert response.get("X-Frame-Options") == "DENY", kind
        assert response.get("Referrer-Policy") == "same-origin", kind
        assert "camera=()" in response.get("Permissions-Policy", ""), kind
        assert response.get("X-Content-Type-Options") == "nosniff", kind
    # Each kind really was that kind of response.
    assert seen == {
        "page": 200,
        "report page": 200,
        "PDF": 200,
        "Atom feed": 200,
        "calendar": 200,
        "sitemap": 200,
        "sign-in page": 200,
        "not found": 404,
        "sign-in needed": 302,
        "CSV": 200,
        "JSON": 200,
        "forbidden": 403,
    }
