"""The attack suite's areas, each counting what it tried, how much was refused, and what failed.

A failure is a server error, an answer the expectation table does not allow, a refused post
that saved something anyway, or a document that read what it may not. ``security_report``
prints the counts and tests/security/test_attack_suite.py fails on any failure: one code.
"""

from __future__ import annotations

import logging
import re
import socket
from dataclasses import dataclass, field

from django.apps import apps
from django.http import QueryDict
from django.urls import resolve

from . import expectations as who
from .cast import COUNCIL, OTHER, Cast, route_names

OK_STATUSES = {200, 201, 204, 301, 302, 303}
REFUSED_STATUSES = {400, 403, 404, 405}
HOSTILE_VALUES = {
    "huge": "9" * 400,
    "negative": "-1",
    "nan": "NaN",
    "infinity": "1e309",
    "text": "several",
    "controls": "a\x00b\x1b[31m\u202ec\ufeff",
    "100 KB": "x" * 100_000,
    "markup": '<script>alert(1)</script>"><img src=x onerror=alert(1)>',
}


@dataclass
class Tally:
    """One area's counts."""

    area: str
    tried: int = 0
    refused: int = 0
    failures: list[str] = field(default_factory=list)

    def fail(self, what: str) -> None:
        self.failures.append(what)


def answer(client, method: str, url: str, data=None) -> tuple[str, int]:
    """ "ok", "refused" or "error ..." for one request, and its status."""
    try:
        response = client.get(url) if method == "GET" else client.post(url, data or {})
    except Exception as error:  # the test client raises what a server error would be
        return f"error ({type(error).__name__}: {str(error)[:80]})", 500
    status = response.status_code
    if status in {301, 302, 303} and "/accounts/login/" in response.get("Location", ""):
        return "refused", status
    if status in OK_STATUSES:
        return "ok", status
    if status in REFUSED_STATUSES:
        return "refused", status
    return f"error ({status})", status


def outcome(client, method: str, url: str, data=None) -> str:
    return answer(client, method, url, data)[0]


def route_matrix(cast: Cast, names: list[str] | None = None) -> Tally:
    """Every route (or those named), as every role, by GET and by an empty POST, against the
    table."""
    tally = Tally("role x route x method")
    for name in route_names() if names is None else names:
        if name not in who.EXPECTED:
            tally.fail(f"{name}: a route the expectation table does not list")
            continue
        url = cast.urls.get(name)
        if url is None:
            tally.fail(f"{name}: no address found to try")
            continue
        for method, allowed in zip(("GET", "POST"), who.EXPECTED[name], strict=True):
            for role in sorted(who.EVERYONE | set(who.ACTS_AS)):
                got, status = answer(cast.client(role), method, url)
                tally.tried += 1
                tally.refused += got == "refused"
                may = who.ACTS_AS.get(role, role) in allowed
                if method == "POST" and (role, name) in who.READ_ONLY_FOR:
                    may = False
                wanted = "ok" if may else "refused"
                # An empty post by someone who may post names nothing to act on: a 400 or
                # 404 for it refuses the input, not the person.
                if method == "POST" and may and status in {400, 404}:
                    got = "ok"
                if got != wanted:
                    tally.fail(f"{method} {url} as {role}: {got}, expected {wanted}")
    return tally


def _model_for(name: str, kwarg: str, view):
    kwarg_models = {
        "section": "committees.ReportSection",
        "item": "committees.AgendaItem",
        "member": "committees.CommitteeMembership",
        "project_pk": "programmes.Project",
        "entry": "committees.WorkProgrammeItem",
    }
    if kwarg in kwarg_models:
        return apps.get_model(kwarg_models[kwarg])
    model = getattr(view, "model", None)
    if model is not None:
        return model
    plain = name.split(":")[-1]
    if plain.startswith(("meeting", "agenda", "committees:committee_recommendation_add")):
        return apps.get_model("committees.Meeting")
    return apps.get_model("committees.Report")


def guessed_ids(cast: Cast) -> Tally:
    """Each address with an id, with the id one past the last of its kind (as the public and
    as another council's officer), and with another council's name in front of it."""
    tally = Tally("ids guessed")
    for name, url in sorted(cast.urls.items()):
        match = resolve(url)
        view = getattr(match.func, "view_class", None)
        ids = {k: v for k, v in match.kwargs.items() if isinstance(v, int)}
        for kwarg, value in ids.items():
            model = _model_for(name, kwarg, view)
            last = model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
            guessed = re.sub(rf"/{value}/", f"/{last + 1}/", url, count=1)
            for role in (who.PUBLIC, who.OTHER_COUNCIL):
                got = outcome(cast.client(role), "GET", guessed)
                tally.tried += 1
                tally.refused += got == "refused"
                if got != "refused":
                    tally.fail(f"GET {guessed} as {role}: {got}")
        if ids:
            elsewhere = url.replace(f"/{COUNCIL}/", f"/{OTHER}/", 1)
            got = outcome(cast.client(who.OTHER_COUNCIL), "GET", elsewhere)
            tally.tried += 1
            tally.refused += got == "refused"
            if got != "refused":
                tally.fail(f"GET {elsewhere} (Wokingham's id) as {who.OTHER_COUNCIL}: {got}")
    return tally


FIELD = re.compile(r"<(input|select|textarea)\b([^>]*)>", re.IGNORECASE)
ATTRIBUTE = re.compile(r'(\w[\w-]*)="([^"]*)"')
OPTION = re.compile(r'<option[^>]*value="([^"]*)"', re.IGNORECASE)


def form_fields(html: str) -> dict[str, str]:
    """The fields of the page's forms with what a browser would send untouched."""
    data: dict[str, str] = {}
    for match in FIELD.finditer(html):
        attributes = dict(ATTRIBUTE.findall(match[2]))
        name = attributes.get("name")
        if not name or name == "csrfmiddlewaretoken":
            continue
        if match[1].lower() == "select":
            options = OPTION.findall(html[match.end() : html.find("</select>", match.end())])
            data[name] = options[-1] if options else ""
        elif attributes.get("type") in {"checkbox", "radio"}:
            data.setdefault(name, attributes.get("value", "on"))
        else:
            data.setdefault(name, attributes.get("value", ""))
    return data


# A post, refused or not, may sign the client in or count a sign-in attempt.
NOT_SAVES = {"sessions.Session", "axes.AccessAttempt", "axes.AccessLog"}


def row_counts() -> dict[str, int]:
    """Rows per model, but for the sessions and sign-in attempts any request may touch."""
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.label not in NOT_SAVES
    }


def hostile_posts(cast: Cast) -> Tally:
    """Every form, as someone who may post it, with hostile values in every field, with no
    fields, with each field twice, and with a wrong CSRF token: never a server error, and a
    post that is refused (the form again, or 4xx) saves nothing at all."""
    tally = Tally("hostile form posts")
    for name, url in sorted(cast.urls.items()):
        get_roles, post_roles = who.EXPECTED.get(name, (frozenset(), frozenset()))
        role = next((r for r in (who.OFFICER, who.CLERK, who.ADMIN) if r in post_roles), None)
        if role is None or role not in get_roles or name in {"logout", "login"}:
            continue
        client = cast.client(role)
        page = client.get(url)
        if page.status_code != 200 or "html" not in page.get("Content-Type", ""):
            continue
        fields = form_fields(page.content.decode())
        attempts = {
            kind: {k: v if k == "action" else value for k, v in fields.items()}
            for kind, value in HOSTILE_VALUES.items()
        }
        attempts["missing fields"] = {}
        repeated = QueryDict(mutable=True)
        for key, value in fields.items():
            repeated.setlist(key, [value, HOSTILE_VALUES["huge"]])
        attempts["repeated fields"] = repeated
        for kind, data in attempts.items():
            before = row_counts()
            got, status = answer(client, "POST", url, data)
            tally.tried += 1
            if got.startswith("error"):
                tally.fail(f"POST {url} ({kind}) as {role}: {got}")
            elif got == "refused" or status == 200:
                tally.refused += 1
                changed = {k for k, v in row_counts().items() if before[k] != v}
                if changed:
                    tally.fail(f"POST {url} ({kind}): refused, yet saved {sorted(changed)}")
        strict = cast.client(role, enforce_csrf_checks=True)
        before = row_counts()
        response = strict.post(url, {**fields, "csrfmiddlewaretoken": "forged"})
        tally.tried += 1
        if response.status_code == 403 and row_counts() == before:
            tally.refused += 1
        else:
            tally.fail(f"POST {url} with a forged CSRF token: {response.status_code}")
    return tally


def document_fetches() -> Tally:
    """Documents that try to read local files, loopback addresses and a huge data: address:
    each is refused by the fetcher before any file is opened or connection made."""
    from packs.fetcher import ProjectFileFetcher
    from packs.render import layout

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.setblocking(False)
    loopback = f"http://127.0.0.1:{listener.getsockname()[1]}"
    attempts = [
        "file:///etc/passwd",
        "file:///proc/self/environ",
        f"{loopback}/secret.png",
        "http://localhost:5432/",
        "http://[::1]:6379/",
        "http://127.0.0.1:8000/admin/",
        "http://127.0.0.1:8000/static/../../../../etc/passwd",
        "http://127.0.0.1:8000/media/private/wokingham/charts/" + "a" * 64 + ".svg",
        "data:image/png;base64," + "A" * 2_000_000,
    ]
    tally = Tally("documents fetching")
    tags = "".join(f'<img alt="" src="{u}"><link rel="stylesheet" href="{u}">' for u in attempts)
    html = f'<html lang="en-GB"><head><title>t</title></head><body>{tags}</body></html>'
    fetcher = ProjectFileFetcher()
    weasyprint_log = logging.getLogger("weasyprint")
    level, weasyprint_log.level = weasyprint_log.level, logging.CRITICAL  # it logs each URL whole
    try:
        layout(html, fetcher)
    finally:
        weasyprint_log.setLevel(level)
    for url in attempts:
        tally.tried += 1
        if any(refused == url[:200] for refused in fetcher.refused):
            tally.refused += 1
        else:
            tally.fail(f"the document loaded {url[:80]}")
    try:
        listener.accept()
        tally.fail("a connection reached the loopback listener")
    except BlockingIOError:
        pass
    finally:
        listener.close()
    return tally
