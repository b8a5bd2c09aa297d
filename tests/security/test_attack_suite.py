"""The attack suite over the demo: each area tries something, refuses what it must, and fails
nothing. ``manage.py security_report`` runs the same areas (demo/security/areas.py) and
prints these counts; the expectation table is demo/security/expectations.py."""

import pytest

from demo import load_demo
from demo.security import areas, uploads
from demo.security.cast import prepare, route_names
from demo.security.expectations import EXPECTED

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast():
    load_demo()
    return prepare()


def test_every_route_is_in_the_expectation_table_and_none_is_listed_that_is_gone():
    names = set(route_names())
    assert names - set(EXPECTED) == set(), "routes nobody has said who may use"
    assert set(EXPECTED) - names == set(), "expectations for routes that no longer exist"


def check(tally):
    assert tally.tried > 0 and tally.refused > 0
    assert tally.failures == []


def test_every_route_answers_every_role_and_method_as_the_table_says(cast):
    tally = areas.route_matrix(cast)
    people = len(areas.who.EVERYONE | set(areas.who.ACTS_AS))
    assert people == 11
    assert tally.tried == len(route_names()) * 2 * people
    check(tally)


def test_ids_one_past_the_last_and_another_councils_ids_are_refused(cast):
    check(areas.guessed_ids(cast))


def test_hostile_posts_to_every_form_give_no_server_error_and_no_partial_save(cast):
    tally = areas.hostile_posts(cast)
    assert tally.tried > 200
    check(tally)


def test_hostile_uploads_are_refused_in_words_with_nothing_saved(cast):
    tally = uploads.hostile_uploads(cast)
    assert tally.tried == len(uploads.hostile_files())
    check(tally)


def test_documents_that_reach_for_files_loopback_and_huge_data_are_refused():
    check(areas.document_fetches())


def test_an_unlisted_route_fails_the_matrix(cast, monkeypatch):
    monkeypatch.delitem(EXPECTED, "committees:report_list")
    tally = areas.route_matrix(cast, names=["committees:report_list", "committees:report_detail"])
    assert tally.failures == ["committees:report_list: a route the expectation table does not list"]


def test_a_wrong_expectation_fails_the_matrix(cast, monkeypatch):
    """The table is what is checked: calling assurance pages public makes them fail."""
    monkeypatch.setitem(EXPECTED, "assurance:audit_list", (areas.who.EVERYONE, areas.who.NOBODY))
    failures = areas.route_matrix(cast, names=["assurance:audit_list"]).failures
    assert any("/assurance/audits/ as public: refused, expected ok" in f for f in failures)
