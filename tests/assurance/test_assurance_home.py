"""The assurance home page: a link and a headline figure for each page."""

from django.urls import reverse

from scrutiny.models import Period
from tests.factories.scrutiny import (
    AuditActionFactory,
    AuditFactory,
    ComplaintCountFactory,
    ContactVolumeFactory,
    DataQualityIssueFactory,
    InspectionFactory,
    InspectionJudgementFactory,
    RecommendationFactory,
    RecommendationUpdateFactory,
)


def url(authority):
    return reverse("assurance:home", kwargs={"authority": authority.slug})


def test_it_links_every_page_with_its_headline(officer_client, authority, other_authority):
    ComplaintCountFactory(authority=authority, count=31)
    ComplaintCountFactory(authority=other_authority, count=500)
    audit = AuditFactory(authority=authority)
    AuditActionFactory(audit=audit, status="planned")
    AuditActionFactory(audit=audit, status="done")
    inspection = InspectionFactory(authority=authority, service_inspected="Bridges Resource Centre")
    InspectionJudgementFactory(
        inspection=inspection, judgement="Overall effectiveness", grade="outstanding", order=1
    )
    achieved = RecommendationFactory(authority=authority)
    RecommendationUpdateFactory(recommendation=achieved, status="achieved")
    RecommendationFactory(authority=authority)
    month = Period.month(2012, 11)
    for channel, count in [("phone", 3735), ("email", 839), ("letter", 42)]:
        ContactVolumeFactory(authority=authority, period=month, channel=channel, count=count)
    DataQualityIssueFactory(authority=authority)
    DataQualityIssueFactory(authority=authority, status="resolved")

    body = officer_client.get(url(authority)).content.decode()
    for name in [
        "assurance:complaint_summary",
        "assurance:audit_list",
        "assurance:inspection_list",
        "assurance:recommendation_list",
        "assurance:contact_list",
        "assurance:data_quality_list",
    ]:
        assert f'href="{reverse(name, kwargs={"authority": authority.slug})}"' in body
    assert "31 complaints received in 2014/15" in body
    assert "1 audit, 1 action not yet done" in body
    assert "Bridges Resource Centre (Overall effectiveness: Outstanding)" in body
    assert "1 of 2 achieved" in body
    assert "4,616 contacts in November 2012" in body
    assert "1 open issue" in body


def test_it_says_so_when_nothing_is_recorded(officer_client, authority):
    body = officer_client.get(url(authority)).content.decode()
    assert "No complaints recorded" in body
    assert "No inspections recorded" in body
    assert "No contacts recorded" in body
