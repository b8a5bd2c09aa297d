"""Audit list and audit page: scope, findings by kind, actions with status tags."""

import datetime as dt

from django.urls import reverse

from tests.factories.scrutiny import (
    AuditActionFactory,
    AuditFactory,
    AuditFindingFactory,
    TeamFactory,
)


def list_url(authority):
    return reverse("assurance:audit_list", kwargs={"authority": authority.slug})


def detail_url(audit):
    return reverse(
        "assurance:audit_detail", kwargs={"authority": audit.authority.slug, "pk": audit.pk}
    )


def test_the_list_shows_only_this_councils_audits(officer_client, authority, other_authority):
    AuditFactory(authority=authority, title="Children in need audit")
    AuditFactory(authority=other_authority, title="Their audit")
    body = officer_client.get(list_url(authority)).content.decode()
    assert "Children in need audit" in body
    assert "Their audit" not in body


def test_the_audit_page_shows_scope_findings_and_actions(officer_client, authority):
    audit = AuditFactory(
        authority=authority,
        title="Children in need audit",
        scope="Cases where children in need plans had been in place for more than 9 months",
        cases_audited=14,
        conducted_by="Social care managers",
    )
    AuditFindingFactory(audit=audit, kind="strength", text="Positive outcomes with a PSA")
    AuditFindingFactory(audit=audit, kind="improvement", text="No clear focus on change")
    AuditActionFactory(
        audit=audit,
        text="Gateway Panel process changed",
        owner="Head of Service",
        due_date=dt.date(2013, 1, 31),
        status="done",
    )
    response = officer_client.get(detail_url(audit))
    body = response.content.decode()
    assert "more than 9 months" in body
    assert ">14<" in body
    assert "Social care managers" in body
    strengths, improvements, actions = (table for _, table in response.context["related_tables"])
    assert [f.text for f in strengths.data] == ["Positive outcomes with a PSA"]
    assert [f.text for f in improvements.data] == ["No clear focus on change"]
    assert [a.text for a in actions.data] == ["Gateway Panel process changed"]
    assert "31 January 2013" in body
    assert '<strong class="govuk-tag govuk-tag--green">Done</strong>' in body


def test_the_list_filters_by_team(officer_client, authority):
    team = TeamFactory(authority=authority, name="Referral and Assessment")
    AuditFactory(authority=authority, title="R and A audit", team=team)
    AuditFactory(authority=authority, title="Other audit")
    body = officer_client.get(list_url(authority) + f"?team={team.pk}").content.decode()
    assert "R and A audit" in body
    assert "Other audit" not in body


def test_the_list_costs_the_same_for_1_and_10_audits(
    officer_client, authority, django_assert_num_queries
):
    AuditFactory(authority=authority, team=TeamFactory(authority=authority))
    # savepoint and release, council, session, user, can_view_data for the page, the
    # navigation and the table, teams for the filter, count (filter and paginator), audits
    with django_assert_num_queries(9):
        assert officer_client.get(list_url(authority)).status_code == 200
    for _ in range(9):
        AuditFactory(authority=authority, team=TeamFactory(authority=authority))
    with django_assert_num_queries(9):
        assert officer_client.get(list_url(authority)).status_code == 200


def test_the_audit_page_costs_the_same_for_1_and_10_findings(
    officer_client, authority, django_assert_num_queries
):
    audit = AuditFactory(authority=authority)

    def add(n):
        for _ in range(n):
            AuditFindingFactory(audit=audit, kind="strength")
            AuditFindingFactory(audit=audit, kind="improvement")
            AuditActionFactory(audit=audit)

    add(1)
    # savepoint and release, council, session, user, can_view_data for the page, the
    # navigation and three tables, audit, findings, actions
    with django_assert_num_queries(9):
        assert officer_client.get(detail_url(audit)).status_code == 200
    add(9)
    with django_assert_num_queries(9):
        assert officer_client.get(detail_url(audit)).status_code == 200


def test_the_list_filters_external_audits(officer_client, authority):
    AuditFactory(authority=authority, title="Ingson review", is_external=True)
    AuditFactory(authority=authority, title="Monthly managers audit", is_external=False)
    external = officer_client.get(list_url(authority) + "?is_external=true").content.decode()
    internal = officer_client.get(list_url(authority) + "?is_external=false").content.decode()
    assert "Ingson review" in external
    assert "Monthly managers audit" not in external
    assert "Monthly managers audit" in internal
    assert "Ingson review" not in internal
