"""Inspection list and page: the service, the dates, each judgement's grade as a worded tag."""

import datetime as dt

from django.urls import reverse

from scrutiny.formatting import date_range
from tests.factories.scrutiny import InspectionFactory, InspectionJudgementFactory


def list_url(authority):
    return reverse("assurance:inspection_list", kwargs={"authority": authority.slug})


def test_dates_read_as_a_range():
    assert date_range(dt.date(2012, 11, 12), dt.date(2012, 11, 21)) == "12–21 November 2012"
    assert date_range(dt.date(2014, 12, 30), None) == "30 December 2014"
    assert (
        date_range(dt.date(2012, 11, 30), dt.date(2012, 12, 2)) == "30 November – 2 December 2012"
    )
    assert (
        date_range(dt.date(2012, 12, 30), dt.date(2013, 1, 2))
        == "30 December 2012 – 2 January 2013"
    )


def test_the_list_shows_grades_as_tags_with_words(officer_client, authority, other_authority):
    inspection = InspectionFactory(
        authority=authority,
        service_inspected="Inspection of arrangements for the protection of children",
        start_date=dt.date(2012, 11, 12),
        end_date=dt.date(2012, 11, 21),
    )
    InspectionJudgementFactory(
        inspection=inspection, judgement="Overall effectiveness", grade="adequate"
    )
    InspectionFactory(authority=other_authority, service_inspected="Their inspection")
    body = officer_client.get(list_url(authority)).content.decode()
    assert "Inspection of arrangements for the protection of children" in body
    assert "12–21 November 2012" in body
    assert (
        'Overall effectiveness: <strong class="govuk-tag govuk-tag--yellow">Adequate</strong>'
        in body
    )
    assert "Their inspection" not in body


def test_the_inspection_page_lists_each_judgement(officer_client, authority):
    inspection = InspectionFactory(authority=authority, start_date=dt.date(2014, 12, 30))
    InspectionJudgementFactory(inspection=inspection, judgement="Quality of care", grade="good")
    InspectionJudgementFactory(
        inspection=inspection, judgement="Leadership and management", grade="inadequate"
    )
    url = reverse(
        "assurance:inspection_detail", kwargs={"authority": authority.slug, "pk": inspection.pk}
    )
    body = officer_client.get(url).content.decode()
    assert "30 December 2014" in body
    assert "Quality of care" in body
    assert '<strong class="govuk-tag govuk-tag--turquoise">Good</strong>' in body
    assert '<strong class="govuk-tag govuk-tag--red">Inadequate</strong>' in body


def test_the_list_costs_the_same_for_1_and_10_inspections(
    officer_client, authority, django_assert_num_queries
):
    def add(n):
        for _ in range(n):
            InspectionJudgementFactory(inspection=InspectionFactory(authority=authority))

    add(1)
    # savepoint and release, council, session, user, can_view_data for the page, the
    # navigation and the table, count (filter and paginator), inspections, judgements
    with django_assert_num_queries(9):
        assert officer_client.get(list_url(authority)).status_code == 200
    add(9)
    with django_assert_num_queries(9):
        assert officer_client.get(list_url(authority)).status_code == 200
