"""The apps form layers: each imports only from apps below it (docs/design.md).

Read from the source, every import counts, also one inside a function; such an
import must say why it is not at the top (a comment on the line above).
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Lower numbers sit lower in the house. Apps on the same level do not import each other.
LAYERS = {
    "portal.core": 0,
    "portal.worker": 0,
    "portal.organisations": 1,
    "portal.opportunities": 2,
    "portal.toolshare": 2,
    "portal.funding": 2,
    "portal.cases": 3,
    "portal.needs": 3,
    "portal.home": 4,
    "portal.editorial": 4,
    # The widget for other sites: reads opportunities and organisations, like home.
    "portal.embed": 4,
    "portal.matching": 5,
    "search": 5,
    # The open data API: reads the content apps, never matching's personal data.
    "portal.api": 5,
    "portal.accounts": 6,
    "portal.figures": 6,
    # Beside accounts: holds personal data and reuses matching's abuse guards.
    "portal.alerts": 6,
}


def app_of(module):
    for app in sorted(LAYERS, key=len, reverse=True):
        if module == app or module.startswith(app + "."):
            return app
    return None


def sources():
    for app in LAYERS:
        folder = ROOT.joinpath(*app.split("."))
        for path in sorted(folder.rglob("*.py")):
            if "migrations" not in path.parts:
                yield app, path


def imports(app, path):
    """``(line, module imported, whether inside a function)`` for every import."""
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    tree = ast.parse(path.read_text())
    functions = [node for node in ast.walk(tree)
                 if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)]
    nested = {id(node) for function in functions for node in ast.walk(function)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}" if base else parent
            names = [base]
        else:
            continue
        for name in names:
            yield node.lineno, name, id(node) in nested


@pytest.mark.parametrize(("app", "path"), list(sources()), ids=lambda value: str(value))
def test_an_app_imports_only_from_apps_below_it(app, path):
    upward = [
        f"{path.name}:{line} imports {module}"
        for line, module, _nested in imports(app, path)
        if (other := app_of(module)) and other != app and LAYERS[other] >= LAYERS[app]
    ]
    assert upward == []


@pytest.mark.parametrize(("app", "path"), list(sources()), ids=lambda value: str(value))
def test_an_import_inside_a_function_says_why(app, path):
    lines = path.read_text().splitlines()
    unexplained = [
        f"{path.name}:{line} imports {module}"
        for line, module, nested in imports(app, path)
        if nested and app_of(module) and "noqa: F401" not in lines[line - 1]
        and not any(text.strip().startswith("#") for text in lines[max(line - 4, 0):line - 1])
    ]
    assert unexplained == []
