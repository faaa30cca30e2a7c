"""One list of the 25 item names and codes (ips.scale_items, its rows in ips/scale_items.csv): the scale rows and
the training topics agree with it, and no module or template keeps a second copy."""

import ast
from pathlib import Path

import pytest

from content.models import Topic
from fidelity.models import ScaleItem
from ips.scale_items import IPS25_CODES, IPS25_ITEMS

ROOT = Path(__file__).resolve().parents[2]
SOURCES = {ROOT / "ips" / "scale_items.py", ROOT / "ips" / "scale_items.csv"}
# Migrations are history (what a past version loaded) and tests build data; everything else is scanned.
SKIPPED = {".venv", "node_modules", "migrations", "tests", "locale", "static", "media", ".git"}
# Some names are also ordinary words of training texts (Etuusneuvonta): five names in one file make a list.
NAMES = {name for item in IPS25_ITEMS for name in (item.fi, item.sv, item.en) if len(name) > 8}


def _files(*suffixes):
    for path in ROOT.rglob("*"):
        if path.suffix in suffixes and not SKIPPED & set(path.relative_to(ROOT).parts) and path not in SOURCES:
            yield path


def _code_lists(tree) -> list[int]:
    """Sizes of the literal lists, tuples and sets (and dicts' keys mapping codes to text) of item codes."""
    sizes = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            values = [e.value for e in node.elts if isinstance(e, ast.Constant)]
        elif isinstance(node, ast.Dict):
            values = [
                k.value
                for k, v in zip(node.keys, node.values, strict=True)
                if isinstance(k, ast.Constant) and isinstance(v, ast.Constant) and isinstance(v.value, str)
            ]
        else:
            continue
        sizes.append(len({value for value in values if value in IPS25_CODES}))
    return sizes


def second_copies(paths) -> list[str]:
    found = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        names = {name for name in NAMES if name in text}
        if len(names) >= 5:
            found.append(f"{path}: item names {sorted(names)[:5]}")
        if path.suffix == ".py" and max(_code_lists(ast.parse(text)), default=0) >= 10:
            found.append(f"{path}: a list of item codes")
    return found


def test_no_module_or_template_keeps_a_second_list_of_the_items():
    assert second_copies(_files(".py", ".html", ".txt", ".md", ".csv")) == []


def test_the_check_finds_a_second_list(tmp_path):
    names = tmp_path / "names.html"
    names.write_text("".join(f"<li>{item.en}</li>" for item in IPS25_ITEMS[:5]), encoding="utf-8")
    codes = tmp_path / "codes.py"
    codes.write_text(f"ITEMS = {list(IPS25_CODES)!r}\n", encoding="utf-8")
    names_of_codes = tmp_path / "labels.py"
    labels = ", ".join(f"{c!r}: 'x'" for c in IPS25_CODES)
    names_of_codes.write_text(f"LABELS = {{{labels}}}\n", encoding="utf-8")
    assert len(second_copies([names, codes, names_of_codes])) == 3


def test_the_list_holds_25_items_in_the_scales_order():
    assert len(IPS25_ITEMS) == 25
    assert [item.section for item in IPS25_ITEMS] == ["S"] * 3 + ["O"] * 8 + ["V"] * 14


@pytest.mark.django_db
def test_the_scale_rows_agree_with_the_list():
    rows = ScaleItem.objects.filter(scale__code="IPS-25", scale__version="2008").order_by("order")
    assert [
        (row.code, row.section.code, row.name_fi, row.name_sv, row.name_en) for row in rows.select_related("section")
    ] == [tuple(item) for item in IPS25_ITEMS]


@pytest.mark.django_db
def test_the_training_topics_agree_with_the_list():
    topics = Topic.objects.filter(kind=Topic.Kind.FIDELITY_ITEM).order_by("order")
    assert [(t.code, t.name_fi, t.name_sv, t.name_en) for t in topics] == [
        (item.code, item.fi, item.sv, item.en) for item in IPS25_ITEMS
    ]
