"""Every page, as every kind of reader, over the demo data.

The crawl starts from the home page as an administrator and follows every link, so a page
no one links to is caught as unreachable and a new page is covered without editing this
file. Each page's status is then checked for every role against what its view declares
(public committee material, or council figures for that council's users), and the number
of queries each page costs is pinned in ``tests/query_counts.json``.

Regenerate the baseline after a deliberate change with ``UPDATE_QUERY_COUNTS=1``.
"""

import json
import os
import re
from collections import deque
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import get_resolver, resolve

from committees.models import Meeting, Report
from demo import load_demo
from demo.security.cast import work_in_hand
from scrutiny.models import User
from scrutiny.permissions import can_view_data, reports_visible_to
from tests.factories.scrutiny import UserFactory

pytestmark = pytest.mark.django_db

BASELINE = Path(__file__).with_name("query_counts.json")
# A person's own account pages (/accounts/, linked from the header) hold no council's pages:
# tests/security (test_two_factor, test_account_pages and the attack suite's matrix) check them.
SKIP = re.compile(r"^/(admin|static|media|accounts)/")
HREF = re.compile(r'href="(/[^"#?]*)')
ROLES = ["officer", "approver", "clerk", "member", "admin"]


# Reached by submitting a form, never by a link: each is tested with its form elsewhere
# (tests/committees/test_authoring_views.py, tests/committees/test_work_programme.py).
REACHED_BY_FORM = {
    "committees:report_action",
    "committees:agenda_publish",
    "committees:report_block_add",
    "committees:work_programme_to_agenda",
    "committees:minutes_publish",
    "committees:minutes_confirm",
}


@pytest.fixture
def demo():
    """The demo, plus what an officer has in hand: a draft report with a section of text and
    a data block, and a meeting whose agenda is not yet published (the demo's are all done)."""
    load_demo()
    work_in_hand()


def crawl(client: Client, start: str = "/", limit: int = 3000) -> dict[str, int]:
    """Status of every same-site page reachable from ``start`` by following links."""
    seen: dict[str, int] = {}
    queue = deque([start])
    while queue and len(seen) < limit:
        url = queue.popleft()
        if url in seen or SKIP.match(url):
            continue
        response = client.get(url)
        seen[url] = response.status_code
        if response.status_code == 200 and "html" in response.get("Content-Type", ""):
            queue.extend(HREF.findall(response.content.decode()))
    return seen


def council_url_names() -> set[str]:
    """Every named page below /<authority>/, by view name ("returns:detail")."""
    names = set()
    for pattern in get_resolver().url_patterns:
        if str(pattern.pattern) == "<slug:authority>/":
            stack = [("", p) for p in pattern.url_patterns]
            while stack:
                prefix, p = stack.pop()
                if hasattr(p, "url_patterns"):
                    inner = f"{prefix}{p.namespace}:" if p.namespace else prefix
                    stack.extend((inner, q) for q in p.url_patterns)
                elif p.name:
                    names.add(prefix + p.name)
    return names


def expected_status(user, url: str) -> int:
    match = resolve(url)
    view = getattr(match.func, "view_class", None)
    authority_slug = match.kwargs.get("authority")
    if authority_slug is None and getattr(view, "public", True) is False:
        if not user.is_authenticated:
            return 302  # signed-in pages outside a council
        only_for = getattr(view, "site_permission", None)
        return 200 if only_for is None or only_for(user) else 403
    if view is None or authority_slug is None or getattr(view, "public", False):
        if match.view_name == "committees:report_detail":
            visible = reports_visible_to(user).filter(pk=match.kwargs["pk"]).exists()
            return 200 if visible else 404
        # A meeting, and its public pack, are public once its agenda is published.
        if match.view_name in {"committees:meeting_detail", "packs:meeting_pack"}:
            meeting = Meeting.objects.select_related("committee__authority").get(
                pk=match.kwargs["pk"]
            )
            published = meeting.agenda_published_at is not None
            staff = can_view_data(user, meeting.committee.authority)
            return 200 if published or staff else 404
        return 200
    from scrutiny.models import Authority

    authority = Authority.objects.get(slug=authority_slug)
    if not user.is_authenticated:
        return 302
    if not can_view_data(user, authority):
        return 403
    return 200 if view.permission(user, authority) else 403


def sample_per_pattern(pages, per_pattern: int) -> list[str]:
    """A few pages of each URL pattern, from each council where there are several."""
    by_name: dict[str, list[str]] = {}
    for url in sorted(pages):
        by_name.setdefault(resolve(url).view_name, []).append(url)
    sample = []
    for urls in by_name.values():
        step = max(1, len(urls) // per_pattern)
        sample.extend(urls[::step][:per_pattern])
    return sample


def reader(role: str):
    if role == "anonymous":
        return AnonymousUser()
    if role == "outsider":
        return UserFactory(username="outsider", role="officer")  # signed in, no councils
    return User.objects.get(username=role)


def test_every_council_page_is_reachable_and_costs_what_the_baseline_says(client, demo):
    client.force_login(User.objects.get(username="admin"))
    pages = crawl(client)
    broken = {url: status for url, status in pages.items() if status != 200}
    assert broken == {}
    reached = {resolve(url).view_name for url in pages}
    assert council_url_names() - reached - REACHED_BY_FORM == set()

    # Each page kind's dearest page in the demo: the same whatever ids the database gave
    # (which page of a kind sorts first differs between SQLite and PostgreSQL, and the demo's
    # reports differ in what they hold).
    counts: dict[str, int] = {}
    for url in sorted(pages):
        name = resolve(url).view_name
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        counts[name] = max(counts.get(name, 0), len(queries))
    if os.environ.get("UPDATE_QUERY_COUNTS"):
        BASELINE.write_text(json.dumps(counts, indent=2, sort_keys=True) + "\n")
    assert counts == json.loads(BASELINE.read_text())


def test_every_page_answers_every_role_as_its_view_declares(demo):
    admin_client = Client()
    admin_client.force_login(User.objects.get(username="admin"))
    pages = sample_per_pattern(crawl(admin_client), per_pattern=4)
    wrong = {}
    for role in ["anonymous", "outsider", *ROLES]:
        user = reader(role)
        client = Client()
        if user.is_authenticated:
            client.force_login(user)
        for url in pages:
            status = client.get(url).status_code
            expected = expected_status(user, url)
            if status != expected:
                wrong[(role, url)] = (status, expected)
    assert wrong == {}, "(role, URL): (got, expected)"


def test_reports_listed_to_the_public_are_published_and_open(client, demo):
    pages = crawl(client)
    report_pks = [
        resolve(url).kwargs["pk"]
        for url in pages
        if resolve(url).view_name == "committees:report_detail"
    ]
    assert report_pks, "the public can reach no report at all"
    assert (
        not Report.objects.filter(pk__in=report_pks)
        .exclude(status=Report.Status.PUBLISHED, is_exempt=False)
        .exists()
    )
