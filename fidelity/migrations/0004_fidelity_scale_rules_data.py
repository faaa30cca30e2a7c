"""IPS-25's cut points and component lists as rows beside the anchor texts.

The numbers are those of the anchors (0002's texts): a value reaching a row's bound gets its score, rows tried from
the best score down, and a value meeting none gets 1. A component item scores by how many components were seen.
The component texts are the numbered parts of each item's "what it measures" text, in all three languages.
"""

import re

from django.db import migrations

AT_LEAST, AT_MOST = "at_least", "at_most"

# item code: (comparison, [(score, bound), ...])
RULES = {
    "S1": (AT_MOST, [(5, 20), (4, 25), (3, 30), (2, 40)]),
    "S2": (AT_LEAST, [(5, 96), (4, 90), (3, 75), (2, 60)]),
    # O1: with coaches in treatment teams the lowest data score is 3 (1 and 2 are told apart elsewhere).
    "O1": (AT_LEAST, [(5, 90), (4, 50), (3, 0)]),
    "V4": (AT_MOST, [(5, 30), (4, 60), (3, 150), (2, 270)]),
    "V5": (AT_LEAST, [(5, 90), (4, 75), (3, 50), (2, 25)]),
    "V6": (AT_LEAST, [(5, 6), (4, 5), (3, 4), (2, 2)]),
    "V8": (AT_LEAST, [(5, 85), (4, 70), (3, 60), (2, 50)]),
    "V9": (AT_LEAST, [(5, 85), (4, 70), (3, 60), (2, 50)]),
    "V10": (AT_LEAST, [(5, 95), (4, 85), (3, 75), (2, 65)]),
    "V12": (AT_LEAST, [(5, 95), (4, 80), (3, 60), (2, 40)]),
    "V13": (AT_LEAST, [(5, 65), (4, 50), (3, 40), (2, 30)]),
    # Components seen: five-part items score the count (one or none is 1), V2 one more, V14 one less.
    "O2": (AT_LEAST, [(5, 5), (4, 4), (3, 3), (2, 2)]),
    "O5": (AT_LEAST, [(5, 5), (4, 4), (3, 3), (2, 2)]),
    "O7": (AT_LEAST, [(5, 5), (4, 4), (3, 3), (2, 2)]),
    "O8": (AT_LEAST, [(5, 5), (4, 4), (3, 3), (2, 2)]),
    "V2": (AT_LEAST, [(5, 4), (4, 3), (3, 2), (2, 1)]),
    "V14": (AT_LEAST, [(5, 6), (4, 5), (3, 4), (2, 3)]),
}
COMPONENT_ITEMS = {"O2": 5, "O5": 5, "O7": 5, "O8": 5, "V2": 4, "V14": 6}
NUMBERED = re.compile(r"(?:^|[,:]\s*)\d\)\s*")
LANGS = ("fi", "sv", "en")


def components_of(measures: str, count: int) -> list[str]:
    """The numbered parts "1) ..., 2) ..." of a measures text, capitalised, without the closing full stop."""
    parts = [part.strip().rstrip(".") for part in NUMBERED.split(measures)[1:]]
    if len(parts) != count:
        raise ValueError(f"expected {count} components in {measures!r}")
    return [part[:1].upper() + part[1:] for part in parts]


def load(apps, schema_editor):
    ScaleItem = apps.get_model("fidelity", "ScaleItem")
    AnchorRule = apps.get_model("fidelity", "AnchorRule")
    ScaleComponent = apps.get_model("fidelity", "ScaleComponent")
    for item in ScaleItem.objects.filter(scale__code="IPS-25", scale__version="2008"):
        if item.code in RULES:
            compare, bounds = RULES[item.code]
            AnchorRule.objects.bulk_create(
                AnchorRule(item=item, score=score, compare=compare, bound=bound) for score, bound in bounds
            )
        if item.code in COMPONENT_ITEMS:
            count = COMPONENT_ITEMS[item.code]
            texts = {lang: components_of(getattr(item, f"measures_{lang}"), count) for lang in LANGS}
            ScaleComponent.objects.bulk_create(
                ScaleComponent(item=item, number=number, **{f"text_{lang}": texts[lang][number - 1] for lang in LANGS})
                for number in range(1, count + 1)
            )


def unload(apps, schema_editor):
    apps.get_model("fidelity", "AnchorRule").objects.filter(item__scale__code="IPS-25").delete()
    apps.get_model("fidelity", "ScaleComponent").objects.filter(item__scale__code="IPS-25").delete()


class Migration(migrations.Migration):
    dependencies = [("fidelity", "0003_fidelity_scale_rules")]

    operations = [migrations.RunPython(load, unload)]
