"""Two people at the same moment: the second gets the product's own message, never a 500.

Before SQLite took its write lock at the start of a transaction, the second of two saves,
approvals, publications or pack requests failed with "database is locked" (13 races in 14).
Each race here posts twice at once from two threads, on the file-backed SQLite the demo uses
and on PostgreSQL, and checks both answers and that exactly one change was made.
"""

import datetime as dt
import threading
import time

import pytest
from django.db import connections, transaction
from django.test import Client
from django.utils import timezone

import packs.tasks
from assurance.models import ContactVolume
from committees.models import Report
from packs.models import RenderJob
from returns.models import QuarterlyReturn, ReturnEvent
from scrutiny.models import Authority, Period
from tests.factories.returns import section_post, started_return
from tests.factories.scrutiny import (
    AgendaItemFactory,
    CommitteeFactory,
    MeetingFactory,
    ReportFactory,
    ReportSectionFactory,
    TeamFactory,
    UserFactory,
)
from tests.security.races import on_disk, race

pytestmark = pytest.mark.django_db(transaction=True)


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def people(authority, role: str, count: int = 2) -> list:
    return [
        UserFactory(username=f"{role}-{n}", role=role, authorities=[authority])
        for n in range(count)
    ]


def no_server_error(outcomes) -> None:
    for outcome in outcomes:
        assert outcome.error is None, f"a racer got a server error: {outcome.error!r}"
        assert outcome.status in {200, 302}


def test_two_saves_of_a_section_end_in_one_save_and_the_stale_message(authority, tmp_path):
    TeamFactory(authority=authority, name="Ambleside Social Work Team")
    first, second = people(authority, "officer")
    draft = started_return(authority=authority, period=Period.quarter(2014, 4), user=first)
    url = "/wokingham/returns/2014-15-q4/contacts/"
    posts = [
        (signed_in(first), url, section_post(draft, "contacts", {("Emails", "count"): "10"})),
        (signed_in(second), url, section_post(draft, "contacts", {("Emails", "count"): "77"})),
    ]
    with on_disk(tmp_path):
        outcomes = race(*posts)
        no_server_error(outcomes)
        assert sorted(o.status for o in outcomes) == [200, 302]
        refused = next(o for o in outcomes if o.status == 200)
        assert "saved “Contact volumes” after you opened it" in refused.html
        counts = list(ContactVolume.objects.values_list("count", flat=True))
        assert counts in ([10], [77])
        saves = ReturnEvent.objects.filter(action=ReturnEvent.Action.SECTION_SAVED)
        assert saves.count() == 1


def test_two_approvals_of_a_return_end_in_one_and_the_return_is_now_approved(
    authority, officer, tmp_path
):
    draft = started_return(authority=authority, period=Period.quarter(2014, 4), user=officer)
    QuarterlyReturn.objects.filter(pk=draft.pk).update(
        status="submitted", submitted_by=officer, submitted_at=timezone.now()
    )
    approvers = people(authority, "approver")
    url = "/wokingham/returns/2014-15-q4/"
    with on_disk(tmp_path):
        outcomes = race(*[(signed_in(a), url, {"action": "approve"}) for a in approvers])
        no_server_error(outcomes)
        assert sorted(o.status for o in outcomes) == [200, 302]
        refused = next(o for o in outcomes if o.status == 200)
        assert "The return is now approved" in refused.html
        assert ReturnEvent.objects.filter(action=ReturnEvent.Action.APPROVED).count() == 1


def test_two_clerks_publishing_a_report_publish_it_once(authority, tmp_path):
    committee = CommitteeFactory(authority=authority)
    report = ReportFactory(
        authority=authority, committee=committee, status=Report.Status.APPROVED, summary="S."
    )
    meeting = MeetingFactory(committee=committee, date=timezone.localdate() + dt.timedelta(30))
    AgendaItemFactory(meeting=meeting, report=report, title=report.title)
    url = f"/wokingham/reports/{report.pk}/publish/"
    with on_disk(tmp_path):
        outcomes = race(*[(signed_in(c), url, {}) for c in people(authority, "clerk")])
        no_server_error(outcomes)
        assert sorted(o.status for o in outcomes) == [200, 302]
        refused = next(o for o in outcomes if o.status == 200)
        assert "Only an approved report can be published" in refused.html
        assert Report.objects.get(pk=report.pk).status == Report.Status.PUBLISHED


def test_two_clerks_asking_for_a_pack_queue_one_job(authority, monkeypatch, tmp_path):
    committee = CommitteeFactory(authority=authority)
    meeting = MeetingFactory(committee=committee, agenda_published_at=timezone.now())
    report = ReportFactory(authority=authority, committee=committee, published=True)
    ReportSectionFactory(report=report, order=1, heading="Findings", body="<p>Findings.</p>")
    AgendaItemFactory(meeting=meeting, report=report, title=report.title)
    queued = []
    monkeypatch.setattr(packs.tasks.render_job, "delay", queued.append)
    url = f"/wokingham/packs/meetings/{meeting.pk}/public/"
    with on_disk(tmp_path):
        outcomes = race(*[(signed_in(c), url, {}) for c in people(authority, "clerk")])
        no_server_error(outcomes)
        assert [o.status for o in outcomes] == [302, 302]
        assert RenderJob.objects.filter(meeting=meeting).count() == 1
    assert len(queued) == 1


def test_a_page_that_only_reads_answers_while_a_save_holds_the_write_lock(authority, tmp_path):
    """Reads take no write lock: a page opens at once while another request is mid-save."""
    wrapper = type(connections["default"])
    with on_disk(tmp_path):
        settings_dict = dict(connections["default"].settings_dict)
        holding, release = threading.Event(), threading.Event()

        def save_slowly():
            own = wrapper(settings_dict, "default")
            connections["default"] = own
            try:
                with transaction.atomic():
                    Authority.objects.filter(pk=authority.pk).update(telephone="0118 000 0000")
                    holding.set()
                    release.wait(timeout=30)
            finally:
                own.close()

        saver = threading.Thread(target=save_slowly)
        saver.start()
        assert holding.wait(timeout=30)
        started = time.monotonic()
        try:
            status = Client().get("/wokingham/committees/").status_code
        finally:
            release.set()
            saver.join()
        assert status == 200
        assert time.monotonic() - started < 5
