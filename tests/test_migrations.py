"""Migrations are complete and named (`makemigrations -n what_it_does`), never `auto_...`."""

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command


def project_migration_files() -> list[Path]:
    root = Path(settings.BASE_DIR)
    files = []
    for config in apps.get_app_configs():
        path = Path(config.path)
        if root in path.parents and ".venv" not in path.parts:
            files += sorted((path / "migrations").glob("[0-9]*.py"))
    return files


@pytest.mark.django_db
def test_it_has_no_model_change_without_a_migration():
    try:
        call_command("makemigrations", check=True, dry_run=True, verbosity=1)
    except SystemExit as exit_:
        pytest.fail(f"makemigrations --check found changes with no migration (exit {exit_})")


def test_it_finds_the_project_migrations():
    names = {f"{path.parent.parent.name}/{path.name}" for path in project_migration_files()}
    assert "scrutiny/0001_initial_scrutiny_schema.py" in names


def test_it_names_every_migration():
    unnamed = [
        f"{path.parent.parent.name}/migrations/{path.name}"
        for path in project_migration_files()
        if re.match(r"\d{4}_auto(_\d|\.py$)", path.name)
    ]
    assert not unnamed, "Name these migrations (makemigrations -n what_it_does): " + ", ".join(
        unnamed
    )
