"""The house rules about imports, read from the source with ast: no Polku import inside a function (except
AppConfig.ready), no app importing one above it (ips < employers < fidelity < reports; content may import
ips; nothing imports the dev-only bench/ and loadtest/), and no app importing a package that only the dev group
installs (`make demo` and a production install have [project] dependencies alone)."""

import ast
import functools
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
CHECKED = ("ips", "employers", "fidelity", "reports", "content", "config")
POLKU = (*CHECKED, "bench", "loadtest", "tests")

# What each package may import of Polku besides itself.
ALLOWED = {
    "ips": set(),
    "employers": {"ips"},
    "fidelity": {"ips", "employers"},
    "reports": {"ips", "employers", "fidelity"},
    "content": {"ips"},
    "config": {"ips", "employers", "fidelity", "reports", "content"},
}


def _top_level(node) -> list[str]:
    """Top-level packages a (non-relative) import statement names."""
    if isinstance(node, ast.Import):
        return [alias.name.split(".")[0] for alias in node.names]
    if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
        return [node.module.split(".")[0]]
    return []


def _imported(node) -> list[str]:
    """Top-level Polku packages a (non-relative) import statement names."""
    return [name for name in _top_level(node) if name in POLKU]


def _is_app_config_ready(function, parent) -> bool:
    if function.name != "ready" or not isinstance(parent, ast.ClassDef):
        return False
    return any(getattr(base, "id", getattr(base, "attr", None)) == "AppConfig" for base in parent.bases)


def function_local_imports(source: str) -> list[tuple[str, int, str]]:
    """(function, line, package) for each Polku import inside a function other than AppConfig.ready."""
    found = []

    def visit(node, parent=None, function=None):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                inner = None if _is_app_config_ready(child, node) else child
                visit(child, node, inner if function is None else function)
                continue
            if function is not None:
                found.extend((function.name, child.lineno, package) for package in _imported(child))
            visit(child, node, function)

    visit(ast.parse(source))
    return found


def layering_breaches(package: str, source: str) -> list[tuple[int, str]]:
    """(line, imported package) for each import of a Polku package that `package` may not import."""
    allowed = ALLOWED[package] | {package}
    return [
        (node.lineno, imported)
        for node in ast.walk(ast.parse(source))
        for imported in _imported(node)
        if imported not in allowed
    ]


def _sources():
    for package in CHECKED:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" not in path.parts:
                yield package, path


def _every_source():
    """The apps and the dev-only code beside them: tests/, bench/, loadtest/ and scripts/ keep the same import rule."""
    yield from (path for _package, path in _sources())
    for folder in ("tests", "bench", "loadtest", "scripts"):
        yield from sorted((ROOT / folder).rglob("*.py"))


def test_no_polku_module_is_imported_inside_a_function():
    offences = [
        f"{path.relative_to(ROOT)}:{line} {function}() imports {package}"
        for path in _every_source()
        for function, line, package in function_local_imports(path.read_text())
    ]
    assert offences == []


def test_no_app_imports_a_higher_one():
    offences = [
        f"{path.relative_to(ROOT)}:{line} imports {imported}"
        for package, path in _sources()
        for line, imported in layering_breaches(package, path.read_text())
    ]
    assert offences == []


def test_the_walk_sees_every_app():
    assert {package for package, _path in _sources()} == set(CHECKED)


FUNCTION_IMPORT = """
from django.apps import AppConfig
from ips.models import Client


class EmployersConfig(AppConfig):
    def ready(self):
        from employers import services


def with_state():
    import json
    from employers.services import follow_up_time_entry_dates


class Page:
    def get_context(self):
        def inner():
            import content.listing
"""


def test_the_check_finds_imports_inside_functions_but_allows_app_config_ready():
    assert function_local_imports(FUNCTION_IMPORT) == [("with_state", 13, "employers"), ("get_context", 19, "content")]


@pytest.mark.parametrize(
    ("package", "source", "breaches"),
    [
        ("ips", "from employers.models import Job\n", [(1, "employers")]),
        ("employers", "import fidelity.models\nfrom ips.models import Client\n", [(1, "fidelity")]),
        ("content", "from ips.i18n import TranslatedName\nfrom fidelity import models\n", [(2, "fidelity")]),
        ("reports", "from bench.national import generate\n", [(1, "bench")]),
        ("reports", "from fidelity.models import Review\nfrom . import metrics\n", []),
    ],
)
def test_the_check_finds_a_lower_app_importing_a_higher_one(package, source, breaches):
    assert layering_breaches(package, source) == breaches


def runtime_distributions(requirements: list[str]) -> set[str]:
    """The distributions these requirements install, with the extras they name, followed down to the leaves."""
    found = set()
    pending = [Requirement(text) for text in requirements]
    while pending:
        requirement = pending.pop()
        name = canonicalize_name(requirement.name)
        key = (name, frozenset(requirement.extras))
        if key in found:
            continue
        found.add(key)
        for text in metadata.requires(name) or []:
            needed = Requirement(text)
            extras = requirement.extras or {""}
            if needed.marker is None or any(needed.marker.evaluate({"extra": extra}) for extra in extras):
                pending.append(needed)
    return {name for name, _extras in found}


@functools.cache
def _providers() -> dict[str, list[str]]:
    """Top-level module -> the distributions that install it (read once: it walks every installed package)."""
    return metadata.packages_distributions()


def stray_imports(source: str, installed: set[str]) -> list[tuple[int, str]]:
    """(line, module) for each third-party import that no distribution in `installed` provides."""
    providers = _providers()
    return [
        (node.lineno, top)
        for node in ast.walk(ast.parse(source))
        for top in _top_level(node)
        if top not in sys.stdlib_module_names
        and top not in POLKU
        and top != "__future__"
        and not {canonicalize_name(dist) for dist in providers.get(top, [top])} & installed
    ]


def test_the_apps_import_only_what_the_runtime_dependencies_install():
    """pandas once stood in the dev group while the Excel import read with it: `make demo` failed to start."""
    installed = runtime_distributions(tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"])
    offences = [
        f"{path.relative_to(ROOT)}:{line} imports {module}"
        for _package, path in _sources()
        for line, module in stray_imports(path.read_text(), installed)
    ]
    assert offences == []


def test_the_dependency_check_follows_extras_and_finds_a_dev_only_import():
    installed = runtime_distributions(["django-allauth[mfa]>=65", "psycopg[binary]>=3.3"])
    assert {"django", "fido2", "psycopg-binary", "asgiref"} <= installed
    source = "import json\nfrom django.db import models\nimport psycopg\nimport pandas as pd\nfrom ips import xlsx\n"
    assert stray_imports(source, installed) == [(4, "pandas")]
