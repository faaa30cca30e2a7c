"""Rules of the house that no linter checks: modules stay under 500 lines (split into a package before), and a
template comment `{# #}` stays on one line (Django shows a longer one as text on the page)."""

import re
from pathlib import Path

from django.conf import settings

MAX_LINES = 500
# Migrations and seed data are long lists of rows, not code to read: they may grow.
SEED_DATA = ("ips/demo.py",)
SKIPPED_DIRS = {"migrations", "seed", "node_modules", "__pycache__"}


def _is_seed_data(relative: Path) -> bool:
    return relative.as_posix() in SEED_DATA or (
        relative.parent.parts[-2:] == ("management", "commands") and relative.name.startswith("seed_")
    )


def python_modules(root: Path):
    """Every .py file of the project under root, without virtualenvs, hidden folders, migrations and seed data."""
    for path in sorted(root.iterdir()):
        if path.is_dir():
            if path.name.startswith(".") or path.name in SKIPPED_DIRS or (path / "pyvenv.cfg").exists():
                continue
            yield from python_modules(path)
        elif path.suffix == ".py":
            yield path


def modules_over_the_limit(root: Path) -> dict[str, int]:
    over = {}
    for path in python_modules(root):
        relative = path.relative_to(root)
        if _is_seed_data(relative):
            continue
        with path.open(encoding="utf-8") as source:
            lines = sum(1 for _line in source)
        if lines > MAX_LINES:
            over[relative.as_posix()] = lines
    return over


def test_the_walk_finds_code_and_skips_migrations_and_seed_data():
    root = Path(settings.BASE_DIR)
    found = {path.relative_to(root).as_posix() for path in python_modules(root)}
    assert {"ips/periods.py", "reports/metrics/scope.py", "tests/test_house.py"} <= found
    assert not any("/migrations/" in name or name.startswith(".venv") for name in found)
    assert _is_seed_data(Path("ips/demo.py"))
    assert _is_seed_data(Path("employers/management/commands/seed_employers_demo.py"))
    assert not _is_seed_data(Path("ips/management/commands/anonymise_closed.py"))


def test_no_module_has_more_than_500_lines():
    assert modules_over_the_limit(Path(settings.BASE_DIR)) == {}


# `{#` with no `#}` after it on the same line: Django's lexer reads it as text.
_OPEN_COMMENT = re.compile(r"\{#(?!.*#\})")


def unclosed_comments(text: str) -> list[int]:
    """Line numbers of `{#` comments that do not close on their line."""
    return [number for number, line in enumerate(text.splitlines(), start=1) if _OPEN_COMMENT.search(line)]


def templates(root: Path):
    for folder in (root / "templates", *root.glob("*/templates")):
        yield from sorted(path for path in folder.rglob("*") if path.suffix in (".html", ".txt", ".xml"))


def test_template_comments_close_on_their_line():
    root = Path(settings.BASE_DIR)
    assert any(path.name == "today.html" for path in templates(root))
    offences = [
        f"{path.relative_to(root)}:{line}" for path in templates(root) for line in unclosed_comments(path.read_text())
    ]
    assert offences == []


def test_the_comment_check_finds_a_comment_over_two_lines():
    text = "{# one line #}\n<p>{# also fine #} {{ x }}</p>\n{# starts here\n   and ends here #}\n"
    assert unclosed_comments(text) == [3]
