"""Programme list and detail: funding, projects by workstream, milestones, progress, risks."""

import datetime as dt
import re

from scrutiny.models import Period
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


def list_url(authority):
    return f"/{authority.slug}/programmes/"


def detail_url(authority, programme):
    return f"/{authority.slug}/programmes/{programme.pk}/"


def table_with_caption(body, caption):
    start = body.index(f'govuk-table__caption--m">{caption}</caption>')
    return body[start : body.index("</table>", start)]


def rows(html):
    body = re.search(r"<tbody.*?</tbody>", html, re.S).group(0)
    found = []
    for row in body.split("</tr>")[:-1]:
        cells = re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)
        found.append([re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", c)).strip() for c in cells])
    return found


def lincolnshire(authority):
    """Partners in Practice: two workstreams and their numbered projects."""
    programme = ProgrammeFactory(
        authority=authority,
        name="Partners in Practice",
        funding_amount=4500000,
        funding_mechanism="Section 31 grant",
        evaluation_partner="Opcit Research UK",
    )
    practice = WorkstreamFactory(programme=programme, name="Practice and Systems", order=1)
    people = WorkstreamFactory(programme=programme, name="People and Leadership", order=2)
    ProjectFactory(
        programme=programme,
        workstream=practice,
        number=1,
        name="Signs of Safety",
        project_manager="Danielle Marshall",
        senior_lead="Roz Cordy",
    )
    ProjectFactory(
        programme=programme,
        workstream=practice,
        number=3,
        name="Risky Behaviours/Youth Offending",
        project_manager="Nicky Myers/ Tracey Evans",
        senior_lead="Jo Kavanagh/ Andy Cook",
    )
    ProjectFactory(
        programme=programme,
        workstream=people,
        number=5,
        name="Workforce Development",
        project_manager="Sam Clayton",
        senior_lead="Tara Jones",
    )
    return programme


def test_it_sends_the_public_to_sign_in(client, authority):
    programme = ProgrammeFactory(authority=authority)
    for url in (list_url(authority), detail_url(authority, programme)):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")


def test_it_refuses_an_officer_of_another_council(client, authority, other_authority):
    programme = ProgrammeFactory(authority=authority)
    client.force_login(UserFactory(role="officer", authorities=[other_authority]))
    assert client.get(list_url(authority)).status_code == 403
    assert client.get(detail_url(authority, programme)).status_code == 403


def test_detail_is_404_for_another_councils_programme(officer_client, authority, other_authority):
    programme = ProgrammeFactory(authority=other_authority)
    assert officer_client.get(detail_url(authority, programme)).status_code == 404


def test_the_list_shows_only_this_councils_programmes(officer_client, authority, other_authority):
    ProgrammeFactory(authority=authority, name="Ours", funding_amount=1234567)
    ProgrammeFactory(authority=other_authority, name="Theirs")
    body = officer_client.get(list_url(authority)).content.decode()
    assert ">Ours</a>" in body
    assert "£1,234,567" in body
    assert "Theirs" not in body


def test_detail_shows_funding_and_partners(officer_client, authority):
    body = officer_client.get(detail_url(authority, lincolnshire(authority))).content.decode()
    assert "£4,500,000" in body
    assert "31 March 2020" in body  # not 2020-03-31
    assert "Section 31 grant" in body
    assert "Opcit Research UK" in body


def test_detail_lists_projects_by_workstream_as_lincolnshire_does(officer_client, authority):
    body = officer_client.get(detail_url(authority, lincolnshire(authority))).content.decode()
    assert rows(table_with_caption(body, "Practice and Systems")) == [
        ["1", "Signs of Safety", "Danielle Marshall", "Roz Cordy"],
        [
            "3",
            "Risky Behaviours/Youth Offending",
            "Nicky Myers/ Tracey Evans",
            "Jo Kavanagh/ Andy Cook",
        ],
    ]
    assert rows(table_with_caption(body, "People and Leadership")) == [
        ["5", "Workforce Development", "Sam Clayton", "Tara Jones"]
    ]


def test_detail_shows_next_steps_with_the_papers_due_words_and_status(officer_client, authority):
    programme = ProgrammeFactory(authority=authority)
    MilestoneFactory(
        programme=programme,
        kind="next-step",
        order=1,
        title="Annual evaluation of the project and evaluation report",
        due_date=dt.date(2018, 11, 30),
        due_label="End November 2018",
        status="in-progress",
    )
    MilestoneFactory(
        programme=programme,
        kind="next-step",
        order=2,
        title="Implementing the Signs of Safety documentation",
        due_date=dt.date(2019, 6, 30),
        status="not-started",
    )
    MilestoneFactory(
        programme=programme,
        kind="deliverable",
        order=1,
        title="Working with family and social networks",
        status="done",
    )
    body = officer_client.get(detail_url(authority, programme)).content.decode()
    steps = rows(table_with_caption(body, "Next steps"))
    assert steps[0][0] == "Annual evaluation of the project and evaluation report"
    # No step belongs to a project, so there is no Project column.
    assert len(steps[0]) == 4  # what, due, status, completed
    assert steps[0][1:3] == ["End November 2018", "In progress"]
    assert steps[1][1:3] == ["30 June 2019", "Not started"]
    assert rows(table_with_caption(body, "Key deliverables"))[0][2] == "Done"
    assert 'govuk-tag--green">Done</strong>' in body


def test_detail_lays_out_progress_as_done_impact_going_forward(officer_client, authority):
    programme = ProgrammeFactory(authority=authority)
    ProgressUpdateFactory(
        programme=programme,
        theme="Workforce",
        period=Period.month(2015, 3),
        rag="amber",
        done="Re-drafted the Practice Development Manager job description\n"
        "- Agreed to join Step up to Social Work",
        impact="Permanent first line managers up from 6 to 11",
        going_forward="Recruit a new cohort of newly qualified social workers",
    )
    body = officer_client.get(detail_url(authority, programme)).content.decode()
    assert "March 2015" in body
    assert 'govuk-tag--orange">Amber</strong>' in body
    done = body[body.index("What have we done?") : body.index("What is the impact?")]
    assert re.findall(r"<li>(.*?)</li>", done) == [
        "Re-drafted the Practice Development Manager job description",
        "Agreed to join Step up to Social Work",
    ]
    assert "<li>Recruit a new cohort of newly qualified social workers</li>" in body


def test_detail_shows_metrics_in_their_unit_and_risks_scored(officer_client, authority):
    programme = lincolnshire(authority)
    ProgressMetricFactory(
        programme=programme, description="Frontline staff trained (2 day)", value=1120
    )
    ProgressMetricFactory(
        programme=programme, description="5 day enhanced training", value=155, planned=65
    )
    ProgressMetricFactory(
        programme=programme, description="Fewer first time entrants", value=22, unit="percent"
    )
    RiskFactory(programme=programme, title="Key staff leave", likelihood=2, impact=5)
    body = officer_client.get(detail_url(authority, programme)).content.decode()
    metrics = {r[0]: r for r in rows(body[body.index("Measures of progress") :])}
    assert metrics["Frontline staff trained (2 day)"][2:] == ["1120", "", ""]
    assert metrics["5 day enhanced training"][2:] == ["155", "", "65"]
    assert metrics["Fewer first time entrants"][2] == "22%"
    risk = rows(body[body.index('<h2 class="govuk-heading-m">Risks') :])[0]
    assert risk[:4] == ["Key staff leave", "2", "5", "10"]


def test_detail_names_the_project_of_a_row_that_has_one(officer_client, authority):
    programme = lincolnshire(authority)
    project = programme.projects.get(number=1)
    RiskFactory(programme=programme, project=project, title="Trainers leave")
    body = officer_client.get(detail_url(authority, programme)).content.decode()
    risk = rows(body[body.index('<h2 class="govuk-heading-m">Risks') :])[0]
    assert risk[:2] == ["Trainers leave", "1. Signs of Safety"]


def test_list_query_count_does_not_grow_with_rows(
    officer_client, authority, django_assert_num_queries
):
    ProgrammeFactory(authority=authority)
    with django_assert_num_queries(8):
        assert officer_client.get(list_url(authority)).status_code == 200
    for _ in range(9):
        ProgrammeFactory(authority=authority)
    with django_assert_num_queries(8):
        assert officer_client.get(list_url(authority)).status_code == 200


def test_detail_query_count_does_not_grow_with_rows(
    officer_client, authority, django_assert_num_queries
):
    programme = ProgrammeFactory(authority=authority)
    workstream = WorkstreamFactory(programme=programme)

    def add():
        project = ProjectFactory(programme=programme, workstream=workstream)
        MilestoneFactory(programme=programme, project=project)
        ProgressUpdateFactory(programme=programme, project=project)
        ProgressMetricFactory(programme=programme, project=project)
        RiskFactory(programme=programme, project=project)

    add()
    with django_assert_num_queries(13):
        assert officer_client.get(detail_url(authority, programme)).status_code == 200
    for _ in range(9):
        add()
    with django_assert_num_queries(13):
        assert officer_client.get(detail_url(authority, programme)).status_code == 200
