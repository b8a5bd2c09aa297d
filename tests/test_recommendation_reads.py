"""Every read of recommendations goes through ``scrutiny.selectors.recommendations``.

A Part 2 report's recommendations reach only its readers because each page, download, block
and return section asks that one module, which asks ``permissions.recommendations_visible_to``.
This test reads the source of every application module (not tests, not migrations) and
fails on any other use of the models' managers or of a related ``recommendations``
manager, so the next page that lists recommendations cannot forget the rule.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Every app of the project: each top-level folder with an apps.py.
APPS = sorted(path.parent.name for path in ROOT.glob("*/apps.py"))
MODELS = {"Recommendation", "RecommendationUpdate"}
MANAGERS = {"objects", "history", "_default_manager", "_base_manager"}
# A council's, committee's or report's related manager; a visible recommendation's own
# ``updates`` are the reader's to see, and "updates" names other models' managers too.
RELATED = {"recommendations"}
# Where the models may be read directly: the selectors themselves; numbering a new
# recommendation as it is recorded (a write); the demo loader, which replaces the seed rows.
ALLOWED = {
    "committees/selectors/recommendations.py",
    "committees/services/meetings.py",
    # minutes put their recommendations on the tracker once (writes, keyed by the line)
    "committees/services/minutes.py",
    "demo/oversight.py",
}


def _modules() -> list[Path]:
    return sorted(
        path
        for app in APPS
        for path in (ROOT / app).rglob("*.py")
        if "migrations" not in path.parts
    )


def direct_reads(source: str) -> list[str]:
    """Each ``Recommendation.objects``-like or ``x.recommendations`` use, as ``line: code``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Attribute):
            continue
        owner = node.value
        if isinstance(owner, ast.Name) and owner.id in MODELS and node.attr in MANAGERS:
            found.append(f"{node.lineno}: {owner.id}.{node.attr}")
        elif node.attr in RELATED and not (isinstance(owner, ast.Name) and owner.id == "self"):
            found.append(f"{node.lineno}: .{node.attr}")
    return found


def test_the_check_finds_a_direct_read():
    """The scan would catch the reads the leak came from."""
    source = (
        "rows = Recommendation.objects.filter(authority=a)\n"
        "ups = RecommendationUpdate.history.all()\n"
        "more = committee.recommendations.all()\n"
        "self.recommendations = rows\n"
    )
    assert direct_reads(source) == [
        "1: Recommendation.objects",
        "2: RecommendationUpdate.history",
        "3: .recommendations",
    ]


def test_no_module_reads_recommendations_around_the_selectors():
    offenders = {
        str(path.relative_to(ROOT)): reads
        for path in _modules()
        if str(path.relative_to(ROOT)) not in ALLOWED and (reads := direct_reads(path.read_text()))
    }
    assert offenders == {}
