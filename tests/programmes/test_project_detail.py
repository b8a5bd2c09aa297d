"""A project's page: who runs it, and its own milestones, progress, measures and risks."""

import re

from tests.factories.programmes import (
    MilestoneFactory,
    ProgrammeFactory,
    ProgressMetricFactory,
    ProgressUpdateFactory,
    ProjectFactory,
    RiskFactory,
    WorkstreamFactory,
)
from tests.factories.scrutiny import UserFactory


def url(authority, project):
    return f"/{authority.slug}/programmes/{project.programme_id}/projects/{project.pk}/"


def signs_of_safety(authority):
    programme = ProgrammeFactory(authority=authority, name="Partners in Practice")
    return ProjectFactory(
        programme=programme,
        workstream=WorkstreamFactory(programme=programme, name="Practice and Systems"),
        number=1,
        name="Signs of Safety",
        project_manager="Danielle Marshall",
        senior_lead="Roz Cordy",
    )


def test_it_sends_the_public_to_sign_in(client, authority):
    response = client.get(url(authority, signs_of_safety(authority)))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_it_refuses_an_officer_of_another_council(client, authority, other_authority):
    project = signs_of_safety(authority)
    client.force_login(UserFactory(role="officer", authorities=[other_authority]))
    assert client.get(url(authority, project)).status_code == 403


def test_it_is_404_for_another_councils_project(officer_client, authority, other_authority):
    assert officer_client.get(url(authority, signs_of_safety(other_authority))).status_code == 404


def test_it_is_404_under_another_programme(officer_client, authority):
    project = signs_of_safety(authority)
    elsewhere = ProgrammeFactory(authority=authority)
    path = f"/{authority.slug}/programmes/{elsewhere.pk}/projects/{project.pk}/"
    assert officer_client.get(path).status_code == 404


def test_the_programme_page_links_to_it(officer_client, authority):
    project = signs_of_safety(authority)
    body = officer_client.get(project.programme.get_absolute_url()).content.decode()
    assert f'href="{url(authority, project)}">Signs of Safety</a>' in body


def test_it_shows_who_runs_it_and_only_its_own_logs(officer_client, authority):
    project = signs_of_safety(authority)
    other = ProjectFactory(programme=project.programme, name="Caring2Learn")
    MilestoneFactory(programme=project.programme, project=project, title="Ours")
    MilestoneFactory(programme=project.programme, project=other, title="Not ours")
    ProgressMetricFactory(
        programme=project.programme,
        project=project,
        description="Frontline staff trained",
        value=1120,
    )
    RiskFactory(programme=project.programme, project=other, title="Another project's risk")
    ProgressUpdateFactory(
        programme=project.programme,
        project=project,
        rag="green",
        done="Trained 1120 frontline staff",
    )
    body = officer_client.get(url(authority, project)).content.decode()
    assert "Project 1: Signs of Safety" in body
    for text in [
        "Danielle Marshall",
        "Roz Cordy",
        "Practice and Systems",
        ">Ours<",
        "Frontline staff trained",
        "<li>Trained 1120 frontline staff</li>",
        'govuk-tag--green">Green</strong>',
    ]:
        assert text in body
    assert "Not ours" not in body
    assert "Another project" not in body
    assert re.search(r"<a class=\"govuk-breadcrumbs__link\" [^>]*>Partners in Practice</a>", body)


def test_its_query_count_does_not_grow_with_rows(
    officer_client, authority, django_assert_num_queries
):
    project = signs_of_safety(authority)

    def add():
        MilestoneFactory(programme=project.programme, project=project)
        ProgressUpdateFactory(programme=project.programme, project=project)
        ProgressMetricFactory(programme=project.programme, project=project)
        RiskFactory(programme=project.programme, project=project)

    add()
    with django_assert_num_queries(11):
        assert officer_client.get(url(authority, project)).status_code == 200
    for _ in range(9):
        add()
    with django_assert_num_queries(11):
        assert officer_client.get(url(authority, project)).status_code == 200
