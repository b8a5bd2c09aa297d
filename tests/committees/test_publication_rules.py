"""Publication held to the law everywhere: the agenda keeps the same five clear working
days as its reports (late only with its reason, shown to the public), the public never
reads the council's public-interest reasoning about an exempt item, and publishing the
agenda emails it to the committee's members and substitutes, after the commit, with the
public pack's link and nothing Part 2."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import timezone

from committees.models import Meeting
from committees.selectors import agenda_for
from committees.services.meetings import MeetingRefused, agenda_publish
from packs.documents import pack_source
from packs.models import RenderJob
from scrutiny.working_days import too_late
from tests.factories.scrutiny import (
    AgendaItemFactory,
    CommitteeMembershipFactory,
    CouncillorFactory,
    MeetingFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

# Monday 2 November 2026, 10:00: Tuesday 10 November leaves 5 clear working days, Monday 9
# November only 4 (the same clock as tests/committees/test_report_publication.py).
NOW = dt.datetime(2026, 11, 2, 10, 0, tzinfo=dt.UTC)
SECRET = "Placement of Child Q at Meadowbank"
REASON = "The public interest in keeping it exempt outweighs disclosure: a named child."


@pytest.fixture
def clerk(authority):
    return UserFactory(username="clerk-w", role="clerk", authorities=[authority])


def _unpublished(committee, day: dt.date) -> Meeting:
    meeting = MeetingFactory(committee=committee, date=day)
    AgendaItemFactory(meeting=meeting, number=1, title="Apologies for absence", kind="apologies")
    AgendaItemFactory(
        meeting=meeting,
        number=2,
        title=SECRET,
        public_title="Exempt item: an individual child's placement",
        description=f"Decision about {SECRET}.",
        is_exempt=True,
        exempt_paragraph=1,
        exempt_reason=REASON,
    )
    return meeting


def _publish_url(meeting) -> str:
    return reverse(
        "committees:agenda_publish",
        kwargs={"authority": meeting.committee.authority.slug, "pk": meeting.pk},
    )


# One clock for the agenda and its reports ---------------------------------------------


def test_one_rule_says_when_papers_are_late():
    """``too_late`` is the one rule: silent with five clear working days, and saying the
    deadline and the days left with fewer."""
    assert too_late(NOW.date(), dt.date(2026, 11, 10)) == ""
    assert too_late(NOW.date(), dt.date(2026, 11, 9)) == (
        "Too late for the meeting on 9 November 2026: papers must be published at least 5 "
        "clear working days before it, by 1 November 2026, and only 4 remain."
    )


def test_an_agenda_in_time_is_published_with_no_reason(committee, clerk):
    meeting = _unpublished(committee, dt.date(2026, 11, 10))
    agenda_publish(meeting=meeting, published_by=clerk, now=NOW)
    assert meeting.is_published and meeting.late_reason == ""


def test_a_late_agenda_is_refused_until_its_reason_is_given(committee, clerk):
    meeting = _unpublished(committee, dt.date(2026, 11, 9))
    with pytest.raises(MeetingRefused, match="by 1 November 2026, and only 4 remain"):
        agenda_publish(meeting=meeting, published_by=clerk, now=NOW)
    meeting.refresh_from_db()
    assert not meeting.is_published
    agenda_publish(meeting=meeting, published_by=clerk, late_reason="The venue changed.", now=NOW)
    meeting.refresh_from_db()
    assert meeting.is_published
    assert meeting.late_reason == "The venue changed."


def test_the_clerk_is_asked_for_the_reason_next_to_the_field_and_the_public_reads_it(
    client, committee, clerk
):
    meeting = _unpublished(committee, timezone.localdate() + dt.timedelta(days=2))
    client.force_login(clerk)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Why the agenda is published late" in page
    assert "Publish the agenda late" in page

    refused = client.post(_publish_url(meeting), {"late_reason": "  "})
    body = refused.content.decode()
    assert refused.status_code == 200
    assert "There is a problem" in body
    assert 'href="#id_late_reason"' in body
    assert 'id="id_late_reason-error"' in body or "govuk-error-message" in body
    assert "Say why the agenda is late" in body
    meeting.refresh_from_db()
    assert not meeting.is_published

    done = client.post(_publish_url(meeting), {"late_reason": "The inspection letter came late."})
    assert done.status_code == 302
    client.logout()
    public = client.get(meeting.get_absolute_url()).content.decode()
    assert "fewer than five clear working days" in public
    assert "The inspection letter came late." in public
    pack = pack_source(meeting, RenderJob.Kind.PUBLIC_PACK).html()
    assert "The reason: The inspection letter came late." in pack


def test_a_get_on_the_publish_address_is_refused_plainly(client, committee, clerk):
    meeting = _unpublished(committee, dt.date(2026, 11, 10))
    client.force_login(clerk)
    response = client.get(_publish_url(meeting))
    assert response.status_code == 405


# The exempt item's reasoning stays with Part 2 readers ---------------------------------


def test_the_public_interest_reasoning_is_on_no_public_page_or_pack(client, committee, clerk):
    meeting = _unpublished(committee, dt.date(2026, 11, 10))
    agenda_publish(meeting=meeting, published_by=clerk, now=NOW)
    public = client.get(meeting.get_absolute_url()).content.decode()
    assert "paragraph 1 of Schedule 12A" in public
    assert REASON not in public and SECRET not in public
    for kind in (RenderJob.Kind.PUBLIC_PACK, RenderJob.Kind.SUPPLEMENTARY_PACK):
        assert REASON not in pack_source(meeting, kind).html()
    assert all(entry.exempt_reason == "" for entry in agenda_for(AnonymousUser(), meeting))
    # Those who may read Part 2 still have it.
    assert REASON in pack_source(meeting, RenderJob.Kind.CONFIDENTIAL_PACK).html()
    client.force_login(clerk)
    assert REASON in client.get(meeting.get_absolute_url()).content.decode()


def test_the_exempt_item_form_says_which_fields_the_public_reads(client, committee, clerk):
    meeting = _unpublished(committee, dt.date(2026, 11, 10))
    client.force_login(clerk)
    url = reverse(
        "committees:agenda_item_add",
        kwargs={"authority": committee.authority.slug, "pk": meeting.pk},
    )
    form = client.get(url).content.decode()
    assert "Only those who may read Part 2 see it" in form
    assert "What the public reads instead of the title of an exempt item" in form
    assert form.count("The public reads it") >= 3


# The agenda emailed to the committee --------------------------------------------------


@pytest.fixture
def seats(authority, committee):
    """A member with a councillor's own address, a substitute known only by their sign-in,
    a member with no address at all, and a former member."""
    chair = CouncillorFactory(authority=authority, name="Cllr Prue Bray", email="prue@example.org")
    CommitteeMembershipFactory(
        committee=committee, councillor=chair, name="Cllr Prue Bray", role="chair"
    )
    sub_user = UserFactory(
        username="sub", email="sub@example.org", role="member", authorities=[authority]
    )
    substitute = CouncillorFactory(authority=authority, name="Cllr Sam Sub", user=sub_user)
    CommitteeMembershipFactory(
        committee=committee, councillor=substitute, name="Cllr Sam Sub", role="substitute"
    )
    CommitteeMembershipFactory(committee=committee, name="Cllr No Address")
    gone = CouncillorFactory(authority=authority, name="Cllr Gone", email="gone@example.org")
    CommitteeMembershipFactory(
        committee=committee,
        councillor=gone,
        name="Cllr Gone",
        start_date=dt.date(2020, 1, 1),
        end_date=timezone.localdate() - dt.timedelta(days=1),
    )


def test_publishing_emails_each_member_and_substitute_after_the_commit(
    committee, clerk, seats, mailoutbox, django_capture_on_commit_callbacks, settings
):
    settings.PACK_SITE_URL = "https://scrutiny.example.org"
    meeting = _unpublished(committee, dt.date(2026, 11, 10))
    with django_capture_on_commit_callbacks() as callbacks:
        agenda_publish(meeting=meeting, published_by=clerk, now=NOW)
        assert mailoutbox == []  # nothing is sent before the agenda is committed
    assert len(callbacks) == 1
    callbacks[0]()
    assert sorted(m.to[0] for m in mailoutbox) == ["prue@example.org", "sub@example.org"]
    prue = next(m for m in mailoutbox if m.to == ["prue@example.org"])
    assert prue.subject == (
        "Agenda published: Children's Services Overview and Scrutiny Committee, 10 November 2026"
    )
    assert prue.body.startswith("Dear Cllr Prue Bray,")
    assert "You receive it as chairman of the committee." in prue.body
    assert "1. Apologies for absence" in prue.body
    assert "2. Exempt item: an individual child's placement (exempt: paragraph 1" in prue.body
    pack = f"https://scrutiny.example.org/wokingham/packs/meetings/{meeting.pk}/public/"
    assert f"The public agenda pack: {pack}" in prue.body
    sub = next(m for m in mailoutbox if m.to == ["sub@example.org"])
    assert "as substitute of the committee" in sub.body
    for message in mailoutbox:
        assert message.attachments == []
        assert len(message.to) == 1  # no member reads another's address
        assert SECRET not in message.subject + message.body
        assert REASON not in message.body


def test_a_late_agenda_email_says_why_it_is_late(
    committee, clerk, seats, mailoutbox, django_capture_on_commit_callbacks
):
    meeting = _unpublished(committee, dt.date(2026, 11, 9))
    with django_capture_on_commit_callbacks(execute=True):
        agenda_publish(meeting=meeting, published_by=clerk, late_reason="Venue moved.", now=NOW)
    assert len(mailoutbox) == 2
    assert "fewer than five clear working days before the meeting. The reason: Venue moved." in (
        mailoutbox[0].body
    )


def test_a_refused_agenda_emails_no_one(
    committee, clerk, seats, mailoutbox, django_capture_on_commit_callbacks
):
    meeting = _unpublished(committee, dt.date(2026, 11, 9))
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(MeetingRefused):
        agenda_publish(meeting=meeting, published_by=clerk, now=NOW)
    assert mailoutbox == []
