"""The last thresholds that lived in code, as rows beside the anchor texts (fidelity.models.AnchorRule).

Score rows name the figure they read (`measure`, blank: the item's measured value); the rows of one score and
alternative must all hold, and any alternative gives the score:
- O3's ladder from the daily log: 5 a face-to-face meeting every month and contacts weekly (at least one a week);
  4 a meeting every quarter, or contacts weekly; 3 a contact every month; 2 every quarter; 1 less often.
- O1: 3 needs a coach of the caseload in a treatment team; 2 ("in none") otherwise, so data never gives 1.
- V10: fewer than 10 current jobs scores 1 (every better score needs at least 10).
Component rows say when Polku's data shows a component (the tick page ticks it in advance; V7's and V11's
suggestion is what those components give): V7 1 an employer met face to face, 2 at least half of them met twice or
more; V11 1-4 more than half of the working clients with any support, two kinds, two people, employer support;
O7 5 an employment rate in every quarter; V14 2 outreach attempts logged, 4 entries in clients' homes.
"""

from django.db import migrations

AT_LEAST, MORE_THAN = "at_least", "more_than"

# item code: [(score, alternative, measure, comparison, bound), ...]
SCORE_ROWS = {
    "O3": [
        (5, 1, "meeting_months_pct", AT_LEAST, 100),
        (5, 1, "contacts_per_week", AT_LEAST, 1),
        (4, 1, "meeting_quarters_pct", AT_LEAST, 100),
        (4, 2, "contacts_per_week", AT_LEAST, 1),
        (3, 1, "contact_months_pct", AT_LEAST, 100),
        (2, 1, "contact_quarters_pct", AT_LEAST, 100),
    ],
    "O1": [
        (3, 1, "coaches_in_treatment_teams", AT_LEAST, 1),
        (2, 1, "", AT_LEAST, 0),
    ],
    "V10": [(score, 1, "current_jobs", AT_LEAST, 10) for score in (5, 4, 3, 2)],
}

# item code: {component number: [(measure, comparison, bound), ...]}
COMPONENT_ROWS = {
    "V7": {
        1: [("employers_met", AT_LEAST, 1)],
        2: [("employers_met", AT_LEAST, 1), ("repeat_employers_pct", AT_LEAST, 50)],
    },
    "V11": {
        1: [("supported_pct", MORE_THAN, 50)],
        2: [("two_kinds_pct", MORE_THAN, 50)],
        3: [("two_people_pct", MORE_THAN, 50)],
        4: [("employer_supported_pct", MORE_THAN, 50)],
    },
    "O7": {5: [("quarters_with_rate_pct", AT_LEAST, 100)]},
    "V14": {
        2: [("outreach_attempts", AT_LEAST, 1)],
        4: [("home_visits", AT_LEAST, 1)],
    },
}


def load(apps, schema_editor):
    ScaleItem = apps.get_model("fidelity", "ScaleItem")
    ScaleComponent = apps.get_model("fidelity", "ScaleComponent")
    AnchorRule = apps.get_model("fidelity", "AnchorRule")
    items = ScaleItem.objects.filter(scale__code="IPS-25", scale__version="2008")
    for item in items.filter(code__in=list(SCORE_ROWS)):
        AnchorRule.objects.bulk_create(
            AnchorRule(item=item, score=score, alternative=alternative, measure=measure, compare=compare, bound=bound)
            for score, alternative, measure, compare, bound in SCORE_ROWS[item.code]
        )
    for item in items.filter(code__in=list(COMPONENT_ROWS)):
        components = {c.number: c for c in ScaleComponent.objects.filter(item=item)}
        AnchorRule.objects.bulk_create(
            AnchorRule(item=item, component=components[number], measure=measure, compare=compare, bound=bound)
            for number, rows in COMPONENT_ROWS[item.code].items()
            for measure, compare, bound in rows
        )


def unload(apps, schema_editor):
    AnchorRule = apps.get_model("fidelity", "AnchorRule")
    scale = {"item__scale__code": "IPS-25", "item__scale__version": "2008"}
    AnchorRule.objects.filter(component__isnull=False, **scale).delete()
    for code, rows in SCORE_ROWS.items():
        for score, alternative, measure, _compare, _bound in rows:
            AnchorRule.objects.filter(
                item__code=code, score=score, alternative=alternative, measure=measure, **scale
            ).delete()


class Migration(migrations.Migration):
    dependencies = [("fidelity", "0007_fidelity3_threshold_measures")]

    operations = [migrations.RunPython(load, unload)]
