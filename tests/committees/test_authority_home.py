"""The council home page links only meetings whose agenda the reader may open."""

import datetime as dt

from tests.factories.scrutiny import MeetingFactory


def test_it_does_not_link_an_unpublished_agenda_for_the_public(client, authority, committee):
    draft = MeetingFactory(committee=committee, date=dt.date(2015, 9, 8), agenda_published_at=None)
    body = client.get(authority.get_absolute_url()).content.decode()
    assert draft.get_absolute_url() not in body


def test_it_links_an_unpublished_agenda_for_the_councils_officer(
    officer_client, authority, committee
):
    draft = MeetingFactory(committee=committee, date=dt.date(2015, 9, 8), agenda_published_at=None)
    body = officer_client.get(authority.get_absolute_url()).content.decode()
    assert draft.get_absolute_url() in body


def test_it_links_a_published_agenda_for_everyone(client, authority, meeting):
    assert meeting.get_absolute_url() in client.get(authority.get_absolute_url()).content.decode()
