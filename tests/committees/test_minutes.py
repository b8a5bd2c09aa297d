"""A meeting's record: attendance with apologies and substitutes, declarations of interest,
and minutes from draft to published to confirmed, with their recommendations on the
tracker once; Part 2 items' minutes only for those who may read them."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from committees.models import (
    AgendaItem,
    Attendance,
    Declaration,
    Minutes,
    Recommendation,
    RecommendationUpdate,
)
from committees.services import minutes as service
from tests.factories.scrutiny import (
    AgendaItemFactory,
    CommitteeMembershipFactory,
    CouncillorFactory,
    MeetingFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def url(meeting, name):
    namespace = "packs" if name == "minutes_pdf" else "committees"
    return reverse(
        f"{namespace}:{name}",
        kwargs={"authority": meeting.committee.authority.slug, "pk": meeting.pk},
    )


@pytest.fixture
def clerk(authority):
    return UserFactory(username="clerk", role="clerk", authorities=[authority])


@pytest.fixture
def clerk_client(client, clerk):
    client.force_login(clerk)
    return client


@pytest.fixture
def public():
    """Nobody signed in (``client`` is the clerk's, once signed in)."""
    return Client()


@pytest.fixture
def seats(authority, committee):
    """Three members of the committee and a councillor who may substitute."""
    people = [
        CouncillorFactory(authority=authority, name=name, slug=name.lower().replace(" ", "-"))
        for name in ("Cllr Ann Able", "Cllr Ben Baker", "Cllr Cy Cole", "Cllr Dee Dunn")
    ]
    for person in people[:3]:
        CommitteeMembershipFactory(committee=committee, councillor=person, name=person.name)
    return people


@pytest.fixture
def held(committee):
    """A meeting held last month with three items (one Part 2), and the next meeting."""
    meeting = MeetingFactory(
        committee=committee,
        date=timezone.localdate() - dt.timedelta(days=30),
        agenda_published_at=timezone.now(),
    )
    AgendaItemFactory(meeting=meeting, number=1, title="Apologies", kind="apologies")
    AgendaItemFactory(meeting=meeting, number=2, title="Placement sufficiency")
    AgendaItemFactory(
        meeting=meeting,
        number=3,
        title="Review of Child K",
        is_exempt=True,
        exempt_paragraph=1,
        public_title="Exempt item: a child's placement",
    )
    following = MeetingFactory(
        committee=committee,
        date=timezone.localdate() - dt.timedelta(days=1),
        agenda_published_at=timezone.now(),
    )
    AgendaItemFactory(
        meeting=following, number=1, title="Minutes of the previous meeting", kind="minutes"
    )
    return meeting, following


def attendance_post(seats, **overrides):
    data = {f"status_{c.pk}": "present" for c in seats[:3]}
    data.update(overrides)
    return data


def test_the_clerk_records_attendance_apologies_and_a_substitute(clerk_client, seats, held):
    meeting, _ = held
    ann, ben, cy, dee = seats
    data = attendance_post(
        seats, **{f"status_{ben.pk}": "apologies", f"substitute_{ben.pk}": dee.pk}
    )
    data[f"status_{cy.pk}"] = "absent"
    response = clerk_client.post(url(meeting, "meeting_attendance"), data)
    assert response.status_code == 302
    recorded = {a.councillor.name: (a.status, a.substitute) for a in meeting.attendances.all()}
    assert recorded == {
        "Cllr Ann Able": ("present", None),
        "Cllr Ben Baker": ("apologies", dee),
        "Cllr Cy Cole": ("absent", None),
    }


def test_attendance_with_an_error_is_shown_with_the_summary_and_saves_nothing(
    clerk_client, seats, held
):
    meeting, _ = held
    ann, ben, cy, dee = seats
    Attendance.objects.create(meeting=meeting, councillor=ann, status="absent")
    # Ann present with a substitute (wrong), Cy not answered.
    data = {f"status_{ann.pk}": "present", f"substitute_{ann.pk}": dee.pk}
    data[f"status_{ben.pk}"] = "apologies"
    response = clerk_client.post(url(meeting, "meeting_attendance"), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert "Cllr Ann Able was present, so nobody substituted for them" in page
    assert "Say whether Cllr Cy Cole was at the meeting" in page
    assert f'href="#id_substitute_{ann.pk}"' in page
    assert list(meeting.attendances.values_list("status", flat=True)) == ["absent"]


def test_one_councillor_cannot_substitute_for_two_members(clerk_client, seats, held):
    meeting, _ = held
    ann, ben, cy, dee = seats
    data = attendance_post(seats)
    for person in (ann, ben):
        data[f"status_{person.pk}"] = "apologies"
        data[f"substitute_{person.pk}"] = dee.pk
    response = clerk_client.post(url(meeting, "meeting_attendance"), data)
    assert "Cllr Dee Dunn is already the substitute for Cllr Ann Able" in response.content.decode()
    assert not meeting.attendances.exists()


def test_a_member_cannot_record_attendance(client, member, held):
    meeting, _ = held
    client.force_login(member)
    assert client.get(url(meeting, "meeting_attendance")).status_code == 403


def test_the_clerk_records_a_declaration_and_a_missing_kind_is_refused(clerk_client, seats, held):
    meeting, _ = held
    item = meeting.items.get(number=2)
    bad = clerk_client.post(
        url(meeting, "declaration_add"),
        {"councillor": seats[0].pk, "agenda_item": item.pk, "description": "Foster carer"},
    )
    assert "Choose the kind of interest" in bad.content.decode()
    assert not Declaration.objects.exists()
    good = clerk_client.post(
        url(meeting, "declaration_add"),
        {
            "councillor": seats[0].pk,
            "agenda_item": item.pk,
            "kind": "non-registrable",
            "description": "Her daughter is a foster carer.",
        },
    )
    assert good.status_code == 302
    assert Declaration.objects.get().get_kind_display() == "Non-registrable interest"


def minutes_post(meeting, **texts):
    data = {}
    for item in meeting.items.all():
        for name in ("discussion", "resolved", "recommended"):
            data[f"{name}_{item.pk}"] = texts.get(f"{name}_{item.number}", "")
    return data


def test_minutes_go_from_draft_to_published_to_confirmed_at_the_next_meeting(
    clerk_client, public, seats, held
):
    meeting, following = held
    data = minutes_post(
        meeting,
        discussion_2="The committee discussed sufficiency.",
        resolved_2="That the report be noted.",
        recommended_2="Open two more homes\nReport back in March",
    )
    assert clerk_client.post(url(meeting, "minutes_edit"), data).status_code == 302
    minutes = Minutes.objects.get(meeting=meeting)
    assert minutes.status == "draft"
    # Draft minutes are nobody's but the council's staff's; nothing is on the tracker yet.
    assert public.get(url(meeting, "minutes_detail")).status_code == 404
    assert not Recommendation.objects.exists()
    page = public.get(meeting.get_absolute_url()).content.decode()
    due = service.add_working_days(meeting.date, 10)
    assert f"Draft minutes are due to be published by {due:%A %-d %B %Y}" in page

    clerk_client.post(url(meeting, "minutes_publish"))
    minutes.refresh_from_db()
    assert minutes.status == "published"
    read = public.get(url(meeting, "minutes_detail")).content.decode()
    assert "The committee discussed sufficiency." in read
    assert "That the report be noted." in read
    tracked = list(Recommendation.objects.order_by("order").values_list("text", "source"))
    source = f"{meeting.committee.name}, {meeting.date:%-d %B %Y}"
    assert tracked == [("Open two more homes", source), ("Report back in March", source)]

    # Saving again (a corrected line) updates the tracker; nothing is added twice.
    data[f"recommended_{meeting.items.get(number=2).pk}"] = (
        "Open three more homes\nReport back in March"
    )
    clerk_client.post(url(meeting, "minutes_edit"), data)
    clerk_client.post(url(meeting, "minutes_edit"), data)
    assert list(Recommendation.objects.order_by("order").values_list("text", flat=True)) == [
        "Open three more homes",
        "Report back in March",
    ]

    # The next meeting's "Minutes of the previous meeting" item links them, and the clerk
    # confirms them from there.
    next_page = public.get(following.get_absolute_url()).content.decode()
    assert url(meeting, "minutes_detail") in next_page
    clerk_client.post(url(following, "minutes_confirm"))
    minutes.refresh_from_db()
    assert minutes.status == "confirmed"
    assert minutes.confirmed_at_meeting == following
    assert (
        "Confirmed as a correct record at the meeting on"
        in public.get(url(meeting, "minutes_detail")).content.decode()
    )
    # Confirmed minutes are final.
    clerk_client.post(url(meeting, "minutes_edit"), minutes_post(meeting, discussion_2="Changed"))
    assert meeting.items.get(number=2).minute_entry.discussion == (
        "The committee discussed sufficiency."
    )


def test_minutes_are_confirmed_only_at_the_next_meeting(clerk, seats, held, committee):
    meeting, following = held
    later = MeetingFactory(committee=committee, date=following.date + dt.timedelta(days=1))
    minutes = service.minutes_save(meeting=meeting, texts={}, saved_by=clerk)
    with pytest.raises(service.MinutesRefused, match="Publish the draft minutes"):
        service.minutes_confirm(minutes=minutes, at_meeting=following, confirmed_by=clerk)
    service.minutes_publish(minutes=minutes, published_by=clerk)
    with pytest.raises(service.MinutesRefused, match="next meeting only"):
        service.minutes_confirm(minutes=minutes, at_meeting=later, confirmed_by=clerk)


def test_a_line_taken_out_of_published_minutes_leaves_the_tracker(clerk, seats, held):
    meeting, _ = held
    item = meeting.items.get(number=2)
    texts = {item.pk: {"recommended": "Keep me\nDrop me"}}
    minutes = service.minutes_save(meeting=meeting, texts=texts, saved_by=clerk)
    service.minutes_publish(minutes=minutes, published_by=clerk)
    kept = Recommendation.objects.get(text="Keep me")
    texts = {item.pk: {"recommended": "Keep me"}}
    service.minutes_save(meeting=meeting, texts=texts, saved_by=clerk)
    assert list(Recommendation.objects.values_list("text", flat=True)) == ["Keep me"]
    assert Recommendation.objects.get().pk == kept.pk
    assert not RecommendationUpdate.objects.exists()


def test_part_2_minutes_reach_only_those_who_may_read_the_item(
    clerk, public, member_client, seats, held
):
    meeting, _ = held
    exempt = meeting.items.get(number=3)
    texts = {exempt.pk: {"discussion": "Child K's carers", "recommended": "Move Child K"}}
    Declaration.objects.create(
        meeting=meeting,
        councillor=seats[0],
        agenda_item=exempt,
        kind="dpi",
        description="Knows Child K's family",
    )
    minutes = service.minutes_save(meeting=meeting, texts=texts, saved_by=clerk)
    service.minutes_publish(minutes=minutes, published_by=clerk)
    read = public.get(url(meeting, "minutes_detail")).content.decode()
    assert "Child K" not in read
    assert "Exempt item: a child&#x27;s placement" in read
    assert "its minutes are exempt" in read
    tracker = reverse(
        "committees:committee_recommendations",
        kwargs={"authority": meeting.committee.authority.slug, "slug": meeting.committee.slug},
    )
    assert "Move Child K" not in public.get(tracker).content.decode()
    assert "Child K" not in public.get(seats[0].get_absolute_url()).content.decode()
    # A member of the committee reads them.
    seen = member_client.get(url(meeting, "minutes_detail")).content.decode()
    assert "Child K&#x27;s carers" in seen
    assert "Knows Child K" in seen
    assert "Move Child K" in member_client.get(tracker).content.decode()


def test_the_minutes_pdf_prints_attendance_declarations_and_items(clerk, client, seats, held):
    from pypdf import PdfReader  # noqa: PLC0415

    meeting, _ = held
    ann, ben, cy, dee = seats
    rows = [
        service.AttendanceRow(ann, "present"),
        service.AttendanceRow(ben, "apologies", dee),
        service.AttendanceRow(cy, "absent"),
    ]
    service.attendance_save(meeting=meeting, rows=rows, saved_by=clerk)
    item = meeting.items.get(number=2)
    Declaration.objects.create(
        meeting=meeting, councillor=ann, agenda_item=item, kind="dpi", description="Landlord"
    )
    texts = {
        item.pk: {"discussion": "Sufficiency discussed.", "resolved": "Noted."},
        meeting.items.get(number=3).pk: {"discussion": "Child K's carers"},
    }
    minutes = service.minutes_save(meeting=meeting, texts=texts, saved_by=clerk)
    service.minutes_publish(minutes=minutes, published_by=clerk)
    response = client.get(url(meeting, "minutes_pdf"))
    assert response["Content-Type"] == "application/pdf"
    import io  # noqa: PLC0415

    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    text = " ".join(text.split())
    for expected in (
        "Cllr Ann Able",
        "Cllr Dee Dunn (substituting for Cllr Ben Baker)",
        "Disclosable pecuniary interest: Landlord",
        "Sufficiency discussed.",
        "Noted.",
    ):
        assert expected in text
    assert "Child K" not in text


def test_the_councillors_page_shows_attendance_and_declarations(clerk, client, seats, held):
    meeting, following = held
    ann = seats[0]
    service.attendance_save(
        meeting=meeting, rows=[service.AttendanceRow(ann, "present")], saved_by=clerk
    )
    service.attendance_save(
        meeting=following, rows=[service.AttendanceRow(ann, "apologies")], saved_by=clerk
    )
    Declaration.objects.create(
        meeting=meeting,
        councillor=ann,
        agenda_item=meeting.items.get(number=2),
        kind="other-registrable",
        description="Governor of a children's home",
    )
    for each in (meeting, following):
        minutes = service.minutes_save(meeting=each, texts={}, saved_by=clerk)
        service.minutes_publish(minutes=minutes, published_by=clerk)
    page = client.get(ann.get_absolute_url()).content.decode()
    assert "Attended 1 of 2 meetings expected" in page
    assert "Other registrable interest: Governor of a children&#x27;s home" in page


def _items(meeting, count):
    for n in range(count):
        AgendaItem.objects.create(meeting=meeting, number=10 + n, title=f"Item {n}")


def test_the_minutes_page_costs_the_same_for_one_item_and_ten(
    clerk, client, seats, committee, django_assert_num_queries
):
    counts = []
    for size in (1, 10):
        meeting = MeetingFactory(
            committee=committee,
            date=timezone.localdate() - dt.timedelta(days=100 + size),
            agenda_published_at=timezone.now(),
        )
        _items(meeting, size)
        minutes = service.minutes_save(
            meeting=meeting,
            texts={i.pk: {"discussion": "Said."} for i in meeting.items.all()},
            saved_by=clerk,
        )
        service.minutes_publish(minutes=minutes, published_by=clerk)
        from django.db import connection  # noqa: PLC0415
        from django.test.utils import CaptureQueriesContext  # noqa: PLC0415

        with CaptureQueriesContext(connection) as queries:
            assert client.get(url(meeting, "minutes_detail")).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
    with django_assert_num_queries(counts[0]):
        client.get(url(meeting, "minutes_detail"))


def test_the_councillors_page_costs_the_same_for_one_declaration_and_ten(
    clerk, public, seats, committee, django_assert_num_queries
):
    ann = seats[0]
    sizes = {}
    for size in (1, 10):
        meeting = MeetingFactory(
            committee=committee,
            date=timezone.localdate() - dt.timedelta(days=200 + size),
            agenda_published_at=timezone.now(),
        )
        _items(meeting, size)
        for item in meeting.items.all():
            Declaration.objects.create(
                meeting=meeting, councillor=ann, agenda_item=item, kind="dpi", description="x"
            )
        service.attendance_save(
            meeting=meeting, rows=[service.AttendanceRow(ann, "present")], saved_by=clerk
        )
        minutes = service.minutes_save(meeting=meeting, texts={}, saved_by=clerk)
        service.minutes_publish(minutes=minutes, published_by=clerk)
        with django_assert_num_queries(8):
            page = public.get(ann.get_absolute_url()).content.decode()
        sizes[size] = page.count("Disclosable pecuniary interest: x")
    assert sizes == {1: 1, 10: 11}


def test_the_clerks_forms_show_each_member_and_each_item(clerk_client, seats, held):
    meeting, _ = held
    attendance = clerk_client.get(url(meeting, "meeting_attendance")).content.decode()
    for person in seats[:3]:
        assert f"Was {person.name} at the meeting?" in attendance
    assert "Was Cllr Dee Dunn at the meeting?" not in attendance
    form = clerk_client.get(url(meeting, "minutes_edit")).content.decode()
    assert "2. Placement sufficiency" in form
    assert "3. Review of Child K (Part 2)" in form
    assert "Recommendations the committee made" in form
    page = clerk_client.get(meeting.get_absolute_url()).content.decode()
    assert "Record attendance" in page and "Write the minutes" in page


def test_the_attendance_form_costs_the_same_for_three_members_and_ten(
    clerk_client, seats, held, authority, committee, django_assert_num_queries
):
    meeting, _ = held
    with CaptureQueriesContext(connection) as three:
        assert clerk_client.get(url(meeting, "meeting_attendance")).status_code == 200
    for n in range(7):
        person = CouncillorFactory(authority=authority, name=f"Cllr Extra {n}")
        CommitteeMembershipFactory(committee=committee, councillor=person, name=person.name)
    with django_assert_num_queries(len(three)):
        page = clerk_client.get(url(meeting, "meeting_attendance")).content.decode()
    assert page.count("at the meeting?") == 10
