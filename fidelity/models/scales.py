"""Fidelity scales as data: a scale, its bands, sections and items, each text in Finnish, Swedish and English.

A new or adapted scale (other items, other band limits) is new rows, never new code: scoring reads the
item count and the band thresholds from here.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ips.i18n import translated

# Where evidence for an item comes from, as in the IPS fidelity manual.
EVIDENCE_SOURCES = [
    ("MIS", _("Data system (MIS)")),
    ("DOC", _("Records (DOC)")),
    ("INT", _("Interviews (INT)")),
    ("OBS", _("Observation (OBS)")),
    ("ISP", _("Service plans (ISP)")),
]


class TranslatedName:
    """`name` in the reader's language, from the row's name_fi, name_sv and name_en."""

    @property
    def name(self) -> str:
        return translated(self, "name")


class ShortTranslatedName(TranslatedName, models.Model):
    """The three names of a band or a section, and its string form."""

    name_fi = models.CharField(_("name in Finnish"), max_length=100)
    name_sv = models.CharField(_("name in Swedish"), max_length=100)
    name_en = models.CharField(_("name in English"), max_length=100)

    class Meta:
        abstract = True

    def __str__(self):
        return self.name


class FidelityScaleQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)


class FidelityScale(TranslatedName, models.Model):
    code = models.CharField(_("code"), max_length=20, help_text=_("For example IPS-25."))
    version = models.CharField(_("version"), max_length=20)
    name_fi = models.CharField(_("name in Finnish"), max_length=200)
    name_sv = models.CharField(_("name in Swedish"), max_length=200)
    name_en = models.CharField(_("name in English"), max_length=200)
    active = models.BooleanField(_("in use"), default=True)
    min_score = models.PositiveSmallIntegerField(_("lowest item score"), default=1)
    max_score = models.PositiveSmallIntegerField(_("highest item score"), default=5)

    objects = FidelityScaleQuerySet.as_manager()

    class Meta:
        ordering = ["code", "-version"]
        verbose_name = _("fidelity scale")
        verbose_name_plural = _("fidelity scales")
        constraints = [
            models.UniqueConstraint(fields=["code", "version"], name="fidelity_scale_code_version_unique"),
            models.CheckConstraint(condition=Q(max_score__gt=models.F("min_score")), name="fidelity_scale_score_range"),
        ]

    def __str__(self):
        return f"{self.code} ({self.version})"


class ScaleBand(ShortTranslatedName):
    """A band of the total: the highest band whose minimum the total reaches is the review's band."""

    scale = models.ForeignKey(FidelityScale, on_delete=models.CASCADE, related_name="bands", verbose_name=_("scale"))
    code = models.SlugField(_("code"), max_length=30)
    min_total = models.PositiveSmallIntegerField(_("lowest total in the band"))

    class Meta:
        ordering = ["scale", "-min_total"]
        verbose_name = _("band")
        verbose_name_plural = _("bands")
        constraints = [
            models.UniqueConstraint(fields=["scale", "code"], name="fidelity_band_code_unique"),
            models.UniqueConstraint(fields=["scale", "min_total"], name="fidelity_band_min_unique"),
        ]


class ScaleSection(ShortTranslatedName):
    scale = models.ForeignKey(FidelityScale, on_delete=models.CASCADE, related_name="sections", verbose_name=_("scale"))
    code = models.CharField(_("code"), max_length=5)
    order = models.PositiveSmallIntegerField(_("order"))

    class Meta:
        ordering = ["scale", "order"]
        verbose_name = _("scale section")
        verbose_name_plural = _("scale sections")
        constraints = [models.UniqueConstraint(fields=["scale", "code"], name="fidelity_section_code_unique")]


class ScaleItem(TranslatedName, models.Model):
    class DataSupport(models.TextChoices):
        NONE = "", _("Scored by the reviewer")
        FULL = "full", _("Suggested from Polku's data")
        PARTIAL = "partial", _("Figures from Polku's data help")

    scale = models.ForeignKey(FidelityScale, on_delete=models.CASCADE, related_name="items", verbose_name=_("scale"))
    section = models.ForeignKey(ScaleSection, on_delete=models.CASCADE, related_name="items", verbose_name=_("section"))
    code = models.CharField(_("code"), max_length=10)
    order = models.PositiveSmallIntegerField(_("order"))
    name_fi = models.CharField(_("name in Finnish"), max_length=200)
    name_sv = models.CharField(_("name in Swedish"), max_length=200)
    name_en = models.CharField(_("name in English"), max_length=200)
    measures_fi = models.TextField(_("what it measures, in Finnish"))
    measures_sv = models.TextField(_("what it measures, in Swedish"))
    measures_en = models.TextField(_("what it measures, in English"))
    anchor_1_fi = models.TextField(_("anchor 1 in Finnish"))
    anchor_1_sv = models.TextField(_("anchor 1 in Swedish"))
    anchor_1_en = models.TextField(_("anchor 1 in English"))
    anchor_2_fi = models.TextField(_("anchor 2 in Finnish"))
    anchor_2_sv = models.TextField(_("anchor 2 in Swedish"))
    anchor_2_en = models.TextField(_("anchor 2 in English"))
    anchor_3_fi = models.TextField(_("anchor 3 in Finnish"))
    anchor_3_sv = models.TextField(_("anchor 3 in Swedish"))
    anchor_3_en = models.TextField(_("anchor 3 in English"))
    anchor_4_fi = models.TextField(_("anchor 4 in Finnish"))
    anchor_4_sv = models.TextField(_("anchor 4 in Swedish"))
    anchor_4_en = models.TextField(_("anchor 4 in English"))
    anchor_5_fi = models.TextField(_("anchor 5 in Finnish"))
    anchor_5_sv = models.TextField(_("anchor 5 in Swedish"))
    anchor_5_en = models.TextField(_("anchor 5 in English"))
    evidence_sources = models.JSONField(
        _("evidence sources"), default=list, blank=True, help_text=_("Codes: MIS, DOC, INT, OBS, ISP.")
    )
    data_support = models.CharField(
        _("data from Polku"), max_length=10, choices=DataSupport.choices, blank=True, default=DataSupport.NONE
    )

    class Meta:
        ordering = ["scale", "order"]
        verbose_name = _("scale item")
        verbose_name_plural = _("scale items")
        constraints = [models.UniqueConstraint(fields=["scale", "code"], name="fidelity_item_code_unique")]

    def __str__(self):
        return f"{self.code} {self.name}"

    def anchors(self) -> list[tuple[int, str]]:
        """(score, text) from 1 to 5 in the reader's language."""
        return [(score, translated(self, f"anchor_{score}")) for score in range(1, 6)]

    def evidence_source_labels(self) -> list[str]:
        labels = dict(EVIDENCE_SOURCES)
        return [str(labels.get(code, code)) for code in self.evidence_sources]


class AnchorRule(models.Model):
    """A cut point of an item's anchors, a row beside the anchor texts.

    A score row: the item scores `score` when the figure named by `measure` (blank: the item's measured value, or
    for a component item the count of components seen) is at least / more than / at most / less than `bound`.
    Rows of one score and `alternative` must all hold; any of a score's alternatives holding gives the score (O3's
    4 is "meetings every quarter, or contacts weekly"). Scores are tried from the best down; a value that meets
    none gets the scale's lowest score.

    A component row (`component` set, no score): Polku's data shows that component (ticks it in advance) when all
    the component's rows hold. A new scale version is new rows, read by fidelity.rules; no threshold lives in code.
    """

    class Compare(models.TextChoices):
        AT_LEAST = "at_least", _("at least")
        AT_MOST = "at_most", _("at most")
        MORE_THAN = "more_than", _("more than")
        LESS_THAN = "less_than", _("less than")

    item = models.ForeignKey(ScaleItem, on_delete=models.CASCADE, related_name="rules", verbose_name=_("item"))
    score = models.PositiveSmallIntegerField(_("score"), null=True, blank=True)
    component = models.ForeignKey(
        "ScaleComponent",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="rules",
        verbose_name=_("component shown by data"),
    )
    alternative = models.PositiveSmallIntegerField(_("alternative"), default=1)
    measure = models.SlugField(
        _("measure"), max_length=40, blank=True, default="", help_text=_("Blank: the item's measured value.")
    )
    compare = models.CharField(_("comparison"), max_length=10, choices=Compare.choices)
    bound = models.DecimalField(_("bound"), max_digits=8, decimal_places=2)

    class Meta:
        ordering = ["item", "-score", "alternative", "measure"]
        verbose_name = _("anchor rule")
        verbose_name_plural = _("anchor rules")
        constraints = [
            models.CheckConstraint(
                condition=Q(score__isnull=False, component__isnull=True)
                | Q(score__isnull=True, component__isnull=False),
                name="fidelity_rule_score_or_component",
            ),
            models.UniqueConstraint(
                fields=["item", "score", "alternative", "measure"],
                condition=Q(component__isnull=True),
                name="fidelity_rule_item_score_unique",
            ),
            models.UniqueConstraint(
                fields=["component", "measure"],
                condition=Q(component__isnull=False),
                name="fidelity_rule_component_unique",
            ),
        ]

    def __str__(self):
        target = f"{self.item.code} {self.score}" if self.score is not None else f"{self.component}"
        measure = f" {self.measure}" if self.measure else ""
        return f"{target}:{measure} {self.get_compare_display()} {self.bound}"


class ScaleComponent(models.Model):
    """One component of a "count of components" item (O2, O5, O7, O8, V2, V14): what a reviewer can tick."""

    item = models.ForeignKey(ScaleItem, on_delete=models.CASCADE, related_name="components", verbose_name=_("item"))
    number = models.PositiveSmallIntegerField(_("number"))
    text_fi = models.TextField(_("text in Finnish"))
    text_sv = models.TextField(_("text in Swedish"))
    text_en = models.TextField(_("text in English"))

    class Meta:
        ordering = ["item", "number"]
        verbose_name = _("component")
        verbose_name_plural = _("components")
        constraints = [models.UniqueConstraint(fields=["item", "number"], name="fidelity_component_number_unique")]

    def __str__(self):
        return f"{self.item.code}.{self.number}"

    @property
    def text(self) -> str:
        return translated(self, "text")
