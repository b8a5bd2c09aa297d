"""The house's import rules, read from the source with the standard library's ``ast``.

1. ``scrutiny/`` (the project package and shared framework) imports no domain app.
2. No two apps import each other: the apps' imports form a one-way order.
3. No module imports itself round a circle of other modules.

Every import counts, at module level or inside a function (a function-local import only
hides a circle until the function runs); imports under ``if TYPE_CHECKING:`` do not, since
they never run. Tests and migrations are not read.

Run by hand (``.venv/bin/python scripts/check_imports.py``) it prints each broken rule with
the imports that break it and exits 1. ``tests/test_imports.py`` runs the same checks: while
the layout of issue 12 is unfinished, the rules still broken are listed, one a line, in
``tests/data/import_debts.txt``, and the test fails on any broken rule not listed there (so
no new one can appear) and on any listed one that no longer is (so the list only shrinks).
``--debts`` prints the list as it stands.
"""

from __future__ import annotations

import ast
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FRAMEWORK = "scrutiny"
DOMAIN_APPS = (
    "assurance",
    "committees",
    "demo",
    "packs",
    "programmes",
    "returns",
    "scorecards",
    "workforce",
)
SKIPPED_PARTS = {"migrations", "tests", "__pycache__"}


@dataclass(frozen=True)
class Import:
    """One import statement's target, where it was written."""

    importer: str
    imported: str
    line: int

    def __str__(self) -> str:
        return f"{self.importer}:{self.line} imports {self.imported}"


@dataclass
class Graph:
    """Modules of the application and the imports between them."""

    modules: dict[str, Path] = field(default_factory=dict)
    imports: list[Import] = field(default_factory=list)

    def app_of(self, module: str) -> str:
        return module.split(".", 1)[0]

    def edges(self) -> dict[str, set[str]]:
        out: dict[str, set[str]] = defaultdict(set)
        for imp in self.imports:
            out[imp.importer].add(imp.imported)
        return out


def module_name(path: Path, root: Path = ROOT) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _import_nodes(tree: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    """Every import that can run: TYPE_CHECKING blocks are left out."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            stack.extend(node.orelse)
            continue
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        stack.extend(ast.iter_child_nodes(node))


def _resolve(module: str, is_package: bool, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".")
    if not is_package:
        base = base[:-1]
    base = base[: len(base) - (node.level - 1)] if node.level > 1 else base
    return ".".join([*base, *([node.module] if node.module else [])])


def build(root: Path = ROOT, apps: Iterable[str] = (FRAMEWORK, *DOMAIN_APPS)) -> Graph:
    """Read every module of the apps that exist under ``root``."""
    graph = Graph()
    for app in apps:
        if not (root / app).is_dir():
            continue
        for path in sorted((root / app).rglob("*.py")):
            if SKIPPED_PARTS & set(path.relative_to(root).parts):
                continue
            graph.modules[module_name(path, root)] = path
    for module, path in graph.modules.items():
        is_package = path.name == "__init__.py"
        tree = ast.parse(path.read_text(), filename=str(path))
        for node in _import_nodes(tree):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                base = _resolve(module, is_package, node)
                # ``from pkg import mod`` imports the module pkg.mod when there is one.
                targets = [
                    f"{base}.{alias.name}" if f"{base}.{alias.name}" in graph.modules else base
                    for alias in node.names
                ]
            for target in targets:
                while target and target not in graph.modules:
                    target = target.rpartition(".")[0]  # a name inside a module
                if target and target != module:
                    graph.imports.append(Import(module, target, node.lineno))
    graph.imports = list(dict.fromkeys(graph.imports))  # ``from m import a, b``: once
    return graph


def framework_imports_of_domain(graph: Graph) -> list[Import]:
    """Rule 1: imports from the framework into a domain app."""
    return [
        imp
        for imp in graph.imports
        if graph.app_of(imp.importer) == FRAMEWORK and graph.app_of(imp.imported) in DOMAIN_APPS
    ]


def apps_importing_each_other(graph: Graph) -> dict[tuple[str, str], list[Import]]:
    """Rule 2: for each pair of apps that import each other, the imports both ways."""
    between: dict[tuple[str, str], list[Import]] = defaultdict(list)
    for imp in graph.imports:
        a, b = graph.app_of(imp.importer), graph.app_of(imp.imported)
        if a != b:
            between[(a, b)].append(imp)
    return {
        (a, b): between[(a, b)] + between[(b, a)]
        for (a, b) in sorted(between)
        if a < b and (b, a) in between
    }


def circles(graph: Graph) -> list[list[str]]:
    """Rule 3: each strongly connected group of modules (Tarjan's algorithm), as a sorted
    list of its modules; a module alone in its group is no circle."""
    edges = graph.edges()
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    counter = 0
    for start in sorted(graph.modules):
        if start in index:
            continue
        work = [(start, iter(sorted(edges.get(start, ()))))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    found.append(sorted(group))
    return sorted(found)


def report(graph: Graph) -> list[str]:
    """Every broken rule, worded; empty when the house is in order."""
    lines = [
        f"the framework imports a domain app: {imp}" for imp in framework_imports_of_domain(graph)
    ]
    for (a, b), imps in apps_importing_each_other(graph).items():
        lines.append(f"{a} and {b} import each other:")
        lines += [f"  {imp}" for imp in imps]
    for group in circles(graph):
        members = set(group)
        lines.append(f"a circle of {len(group)} modules:")
        lines += [
            f"  {imp}"
            for imp in graph.imports
            if imp.importer in members and imp.imported in members
        ]
    return lines


def debts(graph: Graph) -> set[str]:
    """Each broken rule as a line that survives edits elsewhere (modules, not line numbers):
    what ``tests/data/import_debts.txt`` lists until the layout is finished."""
    found = {
        f"framework imports domain: {imp.importer} -> {imp.imported}"
        for imp in framework_imports_of_domain(graph)
    }
    found |= {f"apps import each other: {a}, {b}" for a, b in apps_importing_each_other(graph)}
    found |= {f"circle: {', '.join(group)}" for group in circles(graph)}
    return found


def main() -> int:
    problems = report(build())
    for line in problems:
        print(line)
    if problems:
        return 1
    print("imports: the framework imports no domain app, no two apps import each other, no circles")
    return 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--debts"]:
        print("\n".join(sorted(debts(build()))))
        sys.exit(0)
    sys.exit(main())
