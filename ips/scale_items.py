"""The 25 items of the IPS fidelity scale (2008 revision): codes, sections and short names in fi, sv and en.

The one list of the item names, kept as data in scale_items.csv (one row an item, in the scale's order). Fidelity's
scale rows (fidelity.ScaleItem, loaded by its data migration) must agree with it, content's topic vocabulary and its
"fidelity item" block read it, and reports and Excel files print the scale rows, never a list of their own:
tests/fidelity/test_item_names.py fails on a second copy. It lives in ips because both fidelity and content (which
may import ips only) read it. Names are our own words (THL's Finnish and Swedish wording is not available to us).
"""

import csv
from pathlib import Path
from typing import NamedTuple


class ScaleItemName(NamedTuple):
    code: str
    section: str
    fi: str
    sv: str
    en: str


def _read_items() -> tuple[ScaleItemName, ...]:
    with (Path(__file__).parent / "scale_items.csv").open(encoding="utf-8", newline="") as rows:
        return tuple(ScaleItemName(**row) for row in csv.DictReader(rows))


IPS25_ITEMS: tuple[ScaleItemName, ...] = _read_items()

IPS25_CODES: tuple[str, ...] = tuple(item.code for item in IPS25_ITEMS)
