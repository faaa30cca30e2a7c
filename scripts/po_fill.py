"""Fill Finnish and Swedish translations from a Python file of {msgid: (fi, sv)}.

Usage: python scripts/po_fill.py TRANSLATIONS.py
The file defines TRANSLATIONS = {msgid: (fi, sv)} and may define PLURALS = {msgid: ((fi1, fiN), (sv1, svN))}.
Entries already translated are overwritten only when the file gives them; fuzzy flags are cleared for them.
Prints what is still untranslated, so a run ends with a to-do list rather than a silent gap.
"""

import runpy
import sys
from pathlib import Path

import polib

LOCALE = Path(__file__).resolve().parent.parent / "locale"


def main(path: str) -> int:
    data = runpy.run_path(path)
    singles, plurals = data.get("TRANSLATIONS", {}), data.get("PLURALS", {})
    missing = 0
    for index, lang in enumerate(("fi", "sv")):
        po_path = LOCALE / lang / "LC_MESSAGES" / "django.po"
        po = polib.pofile(str(po_path))
        for entry in po:
            if entry.obsolete:
                continue
            if entry.msgid_plural and entry.msgid in plurals:
                one, many = plurals[entry.msgid][index]
                entry.msgstr_plural = {0: one, 1: many}
            elif not entry.msgid_plural and entry.msgid in singles:
                entry.msgstr = singles[entry.msgid][index]
            else:
                continue
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
                entry.previous_msgid = None
        po.save()
        todo = [e.msgid for e in po if not e.obsolete and (not e.translated() or "fuzzy" in e.flags)]
        missing += len(todo)
        for msgid in todo:
            sys.stdout.write(f"{lang}: {msgid!r}\n")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
