"""Rules of the house that no linter checks: modules stay under 500 lines (split into a package before)."""

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
