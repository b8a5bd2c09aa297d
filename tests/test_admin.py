"""Every model is in the admin, with search and filters that work."""

from pathlib import Path

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

from tests.factories.scrutiny import UserFactory

pytestmark = pytest.mark.django_db

# Every installed app whose code is in this repository (a new app is covered by itself).
ROOT = Path(__file__).resolve().parent.parent
OUR_APPS = {c.label for c in apps.get_app_configs() if Path(c.path).parent == ROOT}
# Child rows edited inline on their parent's page rather than on a page of their own.
INLINE_ONLY = {
    "neighboursetmember",
    "committeemembership",
    "financialimplication",
    "reportsection",
    "backgroundpaper",
    "auditfinding",
    "auditaction",
    "inspectionjudgement",
    "leaverreason",
    "practiceaspect",
    "returnsection",
    "returnevent",
}


def our_models():
    return [
        model
        for model in apps.get_models()
        if model._meta.app_label in OUR_APPS and not model.__name__.startswith("Historical")
    ]


def test_every_model_is_registered_or_inline():
    missing = [
        model.__name__
        for model in our_models()
        if model not in admin.site._registry and model._meta.model_name not in INLINE_ONLY
    ]
    assert missing == []


def test_every_model_has_a_docstring_of_its_own():
    undocumented = [
        model.__name__
        for model in our_models()
        if not model.__doc__ or model.__doc__.startswith(model.__name__ + "(")
    ]
    assert undocumented == []


@pytest.mark.parametrize(
    "model",
    [m for m in our_models() if m._meta.model_name not in INLINE_ONLY],
    ids=lambda m: m.__name__,
)
def test_its_admin_list_searches_and_filters(client, model):
    client.force_login(UserFactory(role="admin", is_staff=True, is_superuser=True))
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    model_admin = admin.site._registry[model]
    assert client.get(url, {"q": "Wokingham"}).status_code == 200
    assert model_admin.search_fields, f"{model.__name__} has no search"
    add_url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_add")
    assert client.get(add_url).status_code == 200


def test_a_published_report_is_read_only_in_the_admin_and_a_draft_is_not(client):
    from committees.models import Report
    from tests.factories.scrutiny import ReportFactory, ReportSectionFactory

    client.force_login(UserFactory(role="admin", is_staff=True, is_superuser=True))
    published = ReportFactory(published=True, title="As published")
    ReportSectionFactory(report=published, body="<p>As published</p>")
    draft = ReportFactory(title="Draft")

    def change(report):
        return reverse("admin:committees_report_change", args=[report.pk])

    page = client.get(change(published)).content.decode()
    assert 'name="_save"' not in page  # shown, but with nothing to save
    assert client.post(change(published), {"title": "Edited"}).status_code == 403
    delete = reverse("admin:committees_report_delete", args=[published.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    published.refresh_from_db()
    assert published.title == "As published"
    assert published.sections.get().body == "<p>As published</p>"
    assert Report.objects.filter(pk=published.pk).exists()
    assert 'name="_save"' in client.get(change(draft)).content.decode()
