"""Every user-facing string is translated into Finnish and Swedish: none missing, none fuzzy, none stale.

The check re-extracts the strings from a copy of the source tree, so a new string that nobody added to the
catalogues fails here, not in front of a user.
"""

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

SOURCE_DIRS = ["config", "ips", "employers", "fidelity", "reports", "content", "templates", "locale"]


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    root = Path(settings.BASE_DIR)
    copy = tmp_path_factory.mktemp("source")
    for name in SOURCE_DIRS:
        shutil.copytree(root / name, copy / name, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    shutil.copy(root / "manage.py", copy / "manage.py")
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "fi", "-l", "sv", "--no-obsolete", "-v0"],
        cwd=copy,
        check=True,
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "config.settings"},
    )
    return copy


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_every_string_is_translated(extracted, language):
    po = polib.pofile(str(extracted / "locale" / language / "LC_MESSAGES" / "django.po"))
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert untranslated == [], f"untranslated in {language}: {untranslated[:20]}"
    assert fuzzy == [], f"fuzzy in {language}: {fuzzy[:20]}"


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_translations_keep_their_placeholders(language):
    po = polib.pofile(str(Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES" / "django.po"))
    assert po.percent_translated() == 100
    for entry in po.translated_entries():
        targets = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for target in targets:
            for placeholder in _placeholders(entry.msgid):
                assert placeholder in target, f"{language}: {entry.msgid!r} lost {placeholder}"


def _placeholders(text):
    return set(re.findall(r"%\(\w+\)[sd]|\{\w*\}", text))


GETTEXT_CALLS = {
    "_",
    "gettext",
    "gettext_lazy",
    "gettext_noop",
    "ngettext",
    "ngettext_lazy",
    "pgettext",
    "pgettext_lazy",
}


def _gettext_literals(path: Path):
    """The literal msgids of gettext calls in a module as Python reads them (xgettext misses f-strings)."""
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
        if name not in GETTEXT_CALLS:
            continue
        first = node.args[1] if name.startswith("pgettext") and len(node.args) > 1 else node.args[0]
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            yield first.value


def test_every_gettext_call_reaches_the_catalogue():
    root = Path(settings.BASE_DIR)
    catalogue = {entry.msgid for entry in polib.pofile(str(root / "locale" / "fi" / "LC_MESSAGES" / "django.po"))}
    missing = sorted(
        f"{path.relative_to(root)}: {msgid!r}"
        for name in SOURCE_DIRS
        for path in (root / name).rglob("*.py")
        if "migrations" not in path.parts
        for msgid in _gettext_literals(path)
        if msgid not in catalogue
    )
    assert missing == [], "gettext calls makemessages does not extract (an f-string?): " + "; ".join(missing)
