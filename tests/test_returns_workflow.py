"""The quarterly-return workflow: who may do what, in which order, and nothing lost."""

import pytest
from django.db import IntegrityError, transaction

from returns.models import QuarterlyReturn, ReturnEvent, ReturnSection, ReturnSectionKey
from returns.services import (
    ReturnRefused,
    StaleSection,
    ensure_editable,
    return_approve,
    return_lock,
    return_reopen,
    return_start,
    return_submit,
    section_save,
)
from scrutiny.models import Period
from tests.factories.scrutiny import AuthorityFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def council():
    return AuthorityFactory(slug="slough", short_name="Slough")


@pytest.fixture
def quarter():
    return Period.quarter(2014, 4)


@pytest.fixture
def officer(council):
    return UserFactory(username="officer-s", role="officer", authorities=[council])


@pytest.fixture
def approver(council):
    return UserFactory(username="approver-s", role="approver", authorities=[council])


@pytest.fixture
def draft(council, quarter, officer):
    return return_start(authority=council, period=quarter, started_by=officer)


def complete_every_section(quarterly_return, user):
    for section in quarterly_return.sections.all():
        section_save(
            section=section,
            saved_by=user,
            expected_version=section.version,
            status=ReturnSection.Status.COMPLETED,
        )


@pytest.fixture
def submitted(draft, officer):
    complete_every_section(draft, officer)
    return return_submit(quarterly_return=draft, submitted_by=officer)


def test_starting_a_return_creates_every_section_once(council, quarter, officer, draft):
    assert sorted(draft.sections.values_list("key", flat=True)) == sorted(ReturnSectionKey.values)
    again = return_start(authority=council, period=quarter, started_by=officer)
    assert again.pk == draft.pk
    assert ReturnSection.objects.filter(quarterly_return=draft).count() == len(ReturnSectionKey)


def test_a_return_is_for_a_quarter_not_a_year(council, officer):
    with pytest.raises(ReturnRefused, match="quarter"):
        return_start(authority=council, period=Period.year(2014), started_by=officer)


def test_an_officer_of_another_council_cannot_start_or_save(council, quarter, draft):
    outsider = UserFactory(role="officer", authorities=[AuthorityFactory()])
    with pytest.raises(ReturnRefused, match="Slough"):
        return_start(authority=council, period=quarter, started_by=outsider)
    section = draft.sections.first()
    with pytest.raises(ReturnRefused):
        section_save(section=section, saved_by=outsider, expected_version=0, status="completed")


def test_a_member_or_clerk_reads_but_cannot_save(council, draft):
    for role in ("member", "clerk"):
        reader = UserFactory(role=role, authorities=[council])
        with pytest.raises(ReturnRefused):
            section_save(
                section=draft.sections.first(),
                saved_by=reader,
                expected_version=0,
                status="completed",
            )


def test_the_second_of_two_conflicting_saves_is_refused_and_names_who(draft, officer, council):
    colleague = UserFactory(
        username="colleague",
        first_name="Priya",
        last_name="Shah",
        role="officer",
        authorities=[council],
    )
    mine = draft.sections.get(key=ReturnSectionKey.WORKFORCE)
    theirs = ReturnSection.objects.get(pk=mine.pk)  # both opened at version 0
    section_save(
        section=theirs,
        saved_by=colleague,
        expected_version=0,
        status="in-progress",
        commentary="Theirs",
    )
    with pytest.raises(StaleSection, match="Priya Shah"):
        section_save(
            section=mine,
            saved_by=officer,
            expected_version=0,
            status="completed",
            commentary="Mine",
        )
    mine.refresh_from_db()
    assert (mine.commentary, mine.status, mine.version) == ("Theirs", "in-progress", 1)


def test_a_refused_save_rolls_back_figures_saved_in_the_same_transaction(draft, officer):
    section = draft.sections.get(key=ReturnSectionKey.CONTACTS)
    section_save(section=section, saved_by=officer, expected_version=0, status="in-progress")
    with pytest.raises(StaleSection), transaction.atomic():
        QuarterlyReturn.objects.filter(pk=draft.pk).update(status="draft")  # stands for figures
        ReturnEvent.objects.create(quarterly_return=draft, action="created", actor=officer)
        section_save(section=section, saved_by=officer, expected_version=0, status="completed")
    assert ReturnEvent.objects.filter(quarterly_return=draft, action="created").count() == 1


def test_it_cannot_be_submitted_with_sections_unfinished(draft, officer):
    with pytest.raises(ReturnRefused, match="Complete every section") as refused:
        return_submit(quarterly_return=draft, submitted_by=officer)
    assert "Contact volumes" in str(refused.value)
    draft.refresh_from_db()
    assert draft.status == QuarterlyReturn.Status.DRAFT


def test_a_section_that_cannot_start_yet_does_not_block_submission(draft, officer):
    for section in draft.sections.all():
        status = "cannot-start" if section.key == "programmes" else "completed"
        section_save(
            section=section, saved_by=officer, expected_version=section.version, status=status
        )
    assert return_submit(quarterly_return=draft, submitted_by=officer).status == "submitted"


def test_the_person_who_submitted_cannot_approve(submitted, council):
    both = UserFactory(role="approver", authorities=[council])
    submitted.submitted_by = both
    submitted.save()
    with pytest.raises(ReturnRefused, match="someone else must approve"):
        return_approve(quarterly_return=submitted, approved_by=both)


def test_the_database_refuses_an_approver_who_submitted(submitted):
    with pytest.raises(IntegrityError), transaction.atomic():
        QuarterlyReturn.objects.filter(pk=submitted.pk).update(
            status="approved",
            approved_by=submitted.submitted_by,
            approved_at=submitted.submitted_at,
        )


def test_an_officer_cannot_approve(submitted, council):
    with pytest.raises(ReturnRefused, match="cannot approve"):
        return_approve(
            quarterly_return=submitted,
            approved_by=UserFactory(role="officer", authorities=[council]),
        )


def test_approve_then_lock_then_figures_are_refused(submitted, approver, council, quarter, officer):
    return_approve(quarterly_return=submitted, approved_by=approver)
    return_lock(quarterly_return=submitted, locked_by=approver)
    assert submitted.status == "locked" and submitted.locked_at is not None
    with pytest.raises(ReturnRefused, match="locked"):
        ensure_editable(authority=council, period=quarter)
    section = submitted.sections.first()
    with pytest.raises(ReturnRefused, match="correction"):
        section_save(
            section=section,
            saved_by=officer,
            expected_version=section.version,
            status="in-progress",
        )


def test_approving_twice_is_refused_the_second_time(submitted, approver, council):
    return_approve(quarterly_return=submitted, approved_by=approver)
    stale_copy = QuarterlyReturn.objects.get(pk=submitted.pk)
    stale_copy.status = "submitted"
    other = UserFactory(role="approver", authorities=[council])
    with pytest.raises(ReturnRefused, match="now approved"):
        return_approve(quarterly_return=stale_copy, approved_by=other)
    submitted.refresh_from_db()
    assert submitted.approved_by == approver


def test_a_correction_needs_a_reason_and_is_recorded(submitted, approver, officer):
    return_approve(quarterly_return=submitted, approved_by=approver)
    return_lock(quarterly_return=submitted, locked_by=approver)
    with pytest.raises(ReturnRefused, match="Say why"):
        return_reopen(quarterly_return=submitted, reopened_by=approver, reason="  ")
    return_reopen(
        quarterly_return=submitted,
        reopened_by=approver,
        reason="Consultant practitioners: agency count was 9, not 19",
    )
    assert submitted.status == "draft" and submitted.approved_by is None
    event = submitted.events.get(action="reopened")
    assert event.actor == approver and "not 19" in event.reason
    section = submitted.sections.get(key="workforce")
    section_save(
        section=section,
        saved_by=officer,
        expected_version=section.version,
        status="completed",
        commentary="Corrected",
    )


def test_every_step_is_in_the_history_in_order(submitted, approver):
    return_approve(quarterly_return=submitted, approved_by=approver)
    return_lock(quarterly_return=submitted, locked_by=approver)
    actions = list(submitted.events.values_list("action", flat=True))
    assert actions[0] == "created"
    assert actions.count("section-saved") == len(ReturnSectionKey)
    assert actions[-3:] == ["submitted", "approved", "locked"]


def test_figures_outside_any_return_are_editable(council):
    ensure_editable(authority=council, period=Period.quarter(2015, 1))
    ensure_editable(authority=council, period=Period.year(2014))
