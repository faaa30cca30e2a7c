"""Number formats, age bands and yes/no: what every sheet of the funder workbook shares."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

PERCENT = "0.0%"
MEAN = "0.0#"
AGE_BANDS = {
    "under_30": gettext_lazy("Under 30"),
    "30_54": gettext_lazy("30–54"),
    "55_plus": gettext_lazy("55 or over"),
    "unknown": gettext_lazy("Not recorded"),
}


def yes_no(value) -> str:
    return _("Yes") if value else _("No")
