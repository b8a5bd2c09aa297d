"""The house's import rules hold (scripts/check_imports.py): the framework imports no domain
app, no two apps import each other, no circle of modules.

Until the layout of issue 12 is finished, the rules still broken are listed in
``tests/data/import_debts.txt``: nothing may be added to it, and whatever is mended must leave
it, so the list only shrinks; the rules hold whole when it is empty.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("check_imports", ROOT / "scripts/check_imports.py")
check_imports = importlib.util.module_from_spec(_spec)
sys.modules["check_imports"] = check_imports
_spec.loader.exec_module(check_imports)


def _tree(root: Path, files: dict[str, str]) -> Path:
    for name, source in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source)
    return root


DEBTS = ROOT / "tests/data/import_debts.txt"


def test_the_application_breaks_no_rule_beyond_the_listed_debts():
    listed = {line for line in DEBTS.read_text().splitlines() if line.strip()}
    found = check_imports.debts(check_imports.build())
    assert sorted(found - listed) == [], "a new import breaks the house's rules"
    assert sorted(listed - found) == [], "mended: take these lines out of import_debts.txt"


def test_the_debts_and_the_full_report_agree():
    """A debt is listed exactly when the worded report has a problem, so an empty list
    means every rule holds."""
    graph = check_imports.build()
    assert bool(check_imports.report(graph)) == bool(check_imports.debts(graph))


def test_a_framework_import_of_a_domain_app_is_found(tmp_path):
    root = _tree(
        tmp_path,
        {
            "scrutiny/__init__.py": "",
            "scrutiny/views.py": "def f():\n    from workforce.models import Role\n",
            "workforce/__init__.py": "",
            "workforce/models.py": "from scrutiny.views import f\n",
        },
    )
    graph = check_imports.build(root)
    assert [str(i) for i in check_imports.framework_imports_of_domain(graph)] == [
        "scrutiny.views:2 imports workforce.models"
    ]
    assert list(check_imports.apps_importing_each_other(graph)) == [("scrutiny", "workforce")]
    assert check_imports.debts(graph) == {
        "framework imports domain: scrutiny.views -> workforce.models",
        "apps import each other: scrutiny, workforce",
        "circle: scrutiny.views, workforce.models",
    }


def test_a_circle_through_a_package_and_a_relative_import_is_found(tmp_path):
    root = _tree(
        tmp_path,
        {
            "packs/__init__.py": "",
            "packs/services.py": "from . import tasks\n",
            "packs/tasks.py": "from .services import run\n",
            "packs/render.py": "from .services import run\n",
        },
    )
    assert check_imports.circles(check_imports.build(root)) == [["packs.services", "packs.tasks"]]


def test_imports_only_for_type_checkers_do_not_count(tmp_path):
    root = _tree(
        tmp_path,
        {
            "scrutiny/__init__.py": "",
            "scrutiny/a.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
            "    from scrutiny import b\n",
            "scrutiny/b.py": "from scrutiny import a\n",
        },
    )
    assert check_imports.report(check_imports.build(root)) == []
