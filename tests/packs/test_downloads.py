"""Building and downloading through the pages: who may, and what the file is called."""

import re

import pytest
from django.urls import reverse

from packs.models import RenderJob

from .conftest import CANARY

pytestmark = pytest.mark.django_db


def pack_url(meeting, kind):
    name = "packs:meeting_confidential_pack" if kind == "confidential" else "packs:meeting_pack"
    kwargs = {"authority": meeting.committee.authority.slug, "pk": meeting.pk}
    if kind != "confidential":
        kwargs["kind"] = kind
    return reverse(name, kwargs=kwargs)


def test_a_clerk_builds_the_public_pack_and_anyone_downloads_it_by_its_name(
    client, meeting, clerk, django_capture_on_commit_callbacks, read_pdf
):
    client.force_login(clerk)
    url = pack_url(meeting, "public")
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url).status_code == 302
    job = RenderJob.objects.get()
    assert job.state == RenderJob.State.DONE and job.pages_done == job.pages_total > 0
    client.logout()
    response = client.get(url, {"format": "pdf"})
    assert response["Content-Disposition"] == (
        'attachment; filename="2015-07-21-childrens-services-overview-and-scrutiny-committee'
        '-public-pack.pdf"'
    )
    assert CANARY not in read_pdf(b"".join(response.streaming_content)).text
    assert client.get(url, {"format": "json"}).json()["state"] == "done"
    # Unchanged content: the stored file at once, no new job.
    client.force_login(clerk)
    client.post(url)
    assert RenderJob.objects.count() == 1


def test_confidential_pack_reaches_only_those_who_may_see_part2(
    client, meeting, clerk, seated_member, unseated_member, django_capture_on_commit_callbacks
):
    url = pack_url(meeting, "confidential")
    client.force_login(unseated_member)
    assert client.post(url).status_code == 403
    client.force_login(clerk)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)
    assert RenderJob.objects.get().state == RenderJob.State.DONE
    client.force_login(seated_member)
    assert client.get(url, {"format": "pdf"}).status_code == 200
    assert client.post(url).status_code == 403  # members read it; clerks build it
    client.force_login(unseated_member)
    assert client.get(url, {"format": "pdf"}).status_code == 403
    client.logout()
    assert client.get(url, {"format": "pdf"}).status_code == 302
    # Building the confidential pack makes no public one: nothing to download there.
    assert client.get(pack_url(meeting, "public"), {"format": "pdf"}).status_code == 404


def test_packs_are_never_served_from_media(
    client, meeting, clerk, django_capture_on_commit_callbacks
):
    client.force_login(clerk)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(pack_url(meeting, "confidential"))
    client.logout()
    assert client.get("/media/" + RenderJob.objects.get().output).status_code == 404


@pytest.mark.parametrize(
    ("states", "offered"),
    [
        ([], None),
        (["done"], 10),
        (["done", "done"], 11),
        (["done", "running"], 10),  # a rebuild under way: the last file is still offered
        (["done", "failed"], 10),
        (["running"], None),
    ],
)
def test_the_pack_panel_offers_the_newest_finished_file(client, meeting, clerk, states, offered):
    for pages, state in enumerate(states, start=10):  # oldest first
        RenderJob.objects.create(
            authority=meeting.committee.authority,
            kind=RenderJob.Kind.PUBLIC_PACK,
            meeting=meeting,
            state=state,
            output=f"packs/{pages}.pdf" if state == "done" else "",
            pages_total=pages,
            size=2048,
            filename="pack.pdf",
        )
    client.force_login(clerk)
    body = client.get(meeting.get_absolute_url()).content.decode()
    found = re.findall(r"Download the public agenda pack \(PDF, (\d+) pages", body)
    assert found == ([str(offered)] if offered else [])
