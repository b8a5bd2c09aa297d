"""A correction is published by a clerk onto the agenda item of the version it corrects
(marked supplementary when past the deadline), never on its own; once published, the
version it replaces is marked "replaced by version N" on every surface that lists it, and
offered to search engines no more."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from committees.models import Report
from committees.services.reports import ReportRefused, report_new_version, report_publish
from tests.factories.scrutiny import (
    AgendaItemFactory,
    MeetingFactory,
    ReportFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 11, 2, 10, 0, tzinfo=dt.UTC)  # Monday 2 November 2026
NOTE = "Compliments corrected from 7 to 9."


@pytest.fixture
def clerk(authority):
    return UserFactory(username="clerk-w", role="clerk", authorities=[authority])


@pytest.fixture
def first(authority, committee):
    return ReportFactory(
        authority=authority,
        committee=committee,
        title="Quality Assurance Annual Report",
        summary="Compliments about the service.",
        published=True,
    )


def _on_agenda(report, committee, day):
    meeting = MeetingFactory(committee=committee, date=day, agenda_published_at=timezone.now())
    return AgendaItemFactory(meeting=meeting, report=report, title=report.title, number=3)


def _approved_correction(first, officer) -> Report:
    second = report_new_version(report=first, started_by=officer, change_note=NOTE)
    Report.objects.filter(pk=second.pk).update(status=Report.Status.APPROVED)
    second.refresh_from_db()
    return second


def test_a_correction_in_time_takes_the_same_agenda_item(first, committee, officer, clerk):
    item = _on_agenda(first, committee, dt.date(2026, 11, 20))
    second = _approved_correction(first, officer)
    report_publish(report=second, published_by=clerk, now=NOW)
    item.refresh_from_db()
    assert item.report_id == second.pk
    assert not item.is_supplementary


def test_a_late_correction_is_a_supplementary_item_saying_what_changed(
    first, committee, officer, clerk
):
    item = _on_agenda(first, committee, dt.date(2026, 11, 4))
    second = _approved_correction(first, officer)
    report_publish(report=second, published_by=clerk, now=NOW)
    item.refresh_from_db()
    assert item.report_id == second.pk
    assert item.is_supplementary
    assert item.supplementary_reason == f"Version 2 replaces version 1: {NOTE}"


def test_a_correction_on_no_agenda_is_refused(first, officer, clerk):
    second = _approved_correction(first, officer)
    with pytest.raises(ReportRefused, match="on no meeting's agenda"):
        report_publish(report=second, published_by=clerk, now=NOW)
    second.refresh_from_db()
    assert second.status == Report.Status.APPROVED


def test_the_clerk_reads_the_refusal_by_the_publish_button(
    client, authority, first, officer, clerk
):
    second = _approved_correction(first, officer)
    client.force_login(clerk)
    url = reverse(
        "committees:report_action",
        kwargs={"authority": authority.slug, "pk": second.pk, "action": "publish"},
    )
    body = client.post(url).content.decode()
    assert "There is a problem" in body
    assert '<a href="#actions">Version 2 corrects a version that is on no meeting' in body
    second.refresh_from_db()
    assert second.status == Report.Status.APPROVED


# Replaced versions, on every surface that lists them -----------------------------------


@pytest.fixture
def corrected(first, committee, officer, clerk):
    _on_agenda(first, committee, dt.date(2026, 11, 20))
    second = _approved_correction(first, officer)
    report_publish(report=second, published_by=clerk, now=NOW)
    return first, second


def test_the_one_rule_a_draft_correction_replaces_nothing(first, officer):
    second = report_new_version(report=first, started_by=officer, change_note=NOTE)
    assert Report.objects.with_replacement().get(pk=first.pk).replaced_label == ""
    Report.objects.filter(pk=second.pk).update(
        status=Report.Status.PUBLISHED, published_at=timezone.now()
    )
    assert Report.objects.with_replacement().get(pk=first.pk).replaced_label == (
        "replaced by version 2"
    )
    assert list(Report.objects.current()) == [second]


def test_the_report_page_says_it_is_replaced_and_links_the_new_version(client, corrected):
    first, second = corrected
    old = client.get(first.get_absolute_url()).content.decode()
    assert (
        f'This version has been replaced by <a class="govuk-link" '
        f'href="{second.get_absolute_url()}">version 2</a>.' in old
    )
    assert (
        "This version has been replaced"
        not in client.get(second.get_absolute_url()).content.decode()
    )


def test_the_report_list_marks_the_replaced_version(client, authority, corrected):
    body = client.get(reverse("committees:report_list", kwargs={"authority": authority.slug}))
    assert body.content.decode().count("Replaced by version 2") == 1


def test_search_marks_the_replaced_version(client, authority, corrected):
    first, second = corrected
    url = reverse("committees:report_search", kwargs={"authority": authority.slug})
    body = client.get(url, {"q": "Quality Assurance"}).content.decode()
    assert first.get_absolute_url() in body and second.get_absolute_url() in body
    assert body.count("Replaced by version 2") == 1
    assert body.index(first.get_absolute_url()) < body.index("Replaced by version 2")


def test_the_feed_marks_the_replaced_version(client, authority, committee, corrected):
    url = reverse(
        "committees:committee_feed", kwargs={"authority": authority.slug, "slug": committee.slug}
    )
    body = client.get(url).content.decode()
    assert "<title>Quality Assurance Annual Report (replaced by version 2)</title>" in body
    assert "<title>Quality Assurance Annual Report</title>" in body


def test_the_sitemap_offers_only_the_current_version(client, corrected):
    first, second = corrected
    body = client.get(reverse("sitemap")).content.decode()
    assert f"{second.get_absolute_url()}</loc>" in body
    assert f"{first.get_absolute_url()}</loc>" not in body


def test_the_councils_front_page_marks_the_replaced_version(client, authority, corrected):
    home = reverse("committees:authority_home", kwargs={"authority": authority.slug})
    assert client.get(home).content.decode().count("Replaced by version 2") == 1
