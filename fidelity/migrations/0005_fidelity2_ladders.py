"""The ladders of S3, O4, V7 and V11 as observable components, and their cut points, beside the anchor texts.

A reviewer ticks what was seen; the count read against the item's rows is the suggested score, as for the
"count of components" items (0004). S3 counts phases (all six 5, five 4, one to four 3; "refers only" and "keeps a
caseload but refers out" are the reviewer's call below that). O4, V7 and V11 are ladders whose rungs build on each
other: each rung seen is one component, and one more rung is one more point.
"""

from django.db import migrations

AT_LEAST = "at_least"

RULES = {
    "S3": [(5, 6), (4, 5), (3, 1)],
    "O4": [(5, 5), (4, 4), (3, 3), (2, 2)],
    "V7": [(5, 4), (4, 3), (3, 2), (2, 1)],
    "V11": [(5, 5), (4, 4), (3, 3), (2, 2)],
}

# item code: [(fi, sv, en), ...] numbered from 1
COMPONENTS = {
    "S3": [
        ("Vastaanotto: valmentaja ottaa asiakkaan vastaan itse", "Mottagning: coachen tar själv emot klienten",
         "Intake: the specialist takes the client in"),
        ("Sitoutuminen: valmentaja rakentaa yhteistyön asiakkaan kanssa", "Engagemang: coachen bygger samarbetet med klienten",
         "Engagement: the specialist builds the working relationship"),
        ("Arviointi: valmentaja laatii ammatillisen profiilin", "Bedömning: coachen gör yrkesprofilen",
         "Assessment: the specialist builds the vocational profile"),
        ("Työhön sijoittuminen: valmentaja etsii työn asiakkaan kanssa", "Placering: coachen söker arbete med klienten",
         "Job placement: the specialist finds the job with the client"),
        ("Työvalmennus: valmentaja tukee asiakasta työn alussa", "Jobbcoachning: coachen stöder klienten i början av jobbet",
         "Job coaching: the specialist supports the client as the job starts"),
        ("Jatkotuki: valmentaja tukee asiakasta työssä pysymisessä", "Fortsatt stöd: coachen stöder klienten att stanna i arbetet",
         "Follow-along: the specialist supports the client in keeping the job"),
    ],
    "O4": [
        ("Valmentajilla on yhteinen esihenkilö", "Coacherna har en gemensam chef",
         "Specialists share a supervisor"),
        ("Asiakastyöstä keskustellaan yhdessä", "Klientarbetet diskuteras tillsammans",
         "Client work is discussed together"),
        ("Vähintään kaksi kokoaikaista valmentajaa ja vetäjä muodostavat yksikön",
         "Minst två heltidscoacher och en ledare bildar en enhet",
         "At least two full-time specialists and a leader form a unit"),
        ("Asiakaslähtöinen ryhmätyönohjaus joka viikko", "Klientbaserad grupphandledning varje vecka",
         "Client-based group supervision every week"),
        ("Valmentajat hoitavat toistensa asiakkaita tarvittaessa", "Coacherna sköter varandras klienter vid behov",
         "Specialists cover each other's clients when needed"),
    ],
    "V7": [
        ("Työnantajia tavataan kasvokkain, ei vain lähetetä hakemuksia", "Arbetsgivare träffas personligen, inte bara via ansökningar",
         "Employers are met in person, not only sent applications"),
        ("Samaa työnantajaa tavataan useammin kuin kerran", "Samma arbetsgivare träffas mer än en gång",
         "The same employer is visited more than once"),
        ("Käynnit suunnitellaan: työnantajan tarpeet selvitetään", "Besöken planeras: arbetsgivarens behov tas reda på",
         "Visits are planned to learn the employer's needs"),
        ("Työnantajalle esitellään asiakkaita, jotka sopivat sen tarpeisiin",
         "Arbetsgivaren presenteras klienter som passar dess behov",
         "Clients who fit the employer's needs are introduced"),
    ],
    "V11": [
        ("Työssä olevat asiakkaat saavat jatkotukea", "Klienter i arbete får fortsatt stöd",
         "Working clients get follow-along support"),
        ("Tuki on yksilöllistä ja monenlaista", "Stödet är individuellt och varierat",
         "Support is individual and of several kinds"),
        ("Tukea antavat useat ihmiset (valmentaja, hoitotiimi, läheiset)",
         "Stöd ges av flera personer (coach, vårdteam, närstående)",
         "Support comes from several people (specialist, treatment team, family)"),
        ("Työnantajaa tuetaan", "Arbetsgivaren får stöd", "Employers are supported"),
        ("Urakehitystä tuetaan (parempi työ, koulutus)", "Karriärutveckling stöds (bättre arbete, utbildning)",
         "Career development is supported (a better job, training)"),
    ],
}


def load(apps, schema_editor):
    ScaleItem = apps.get_model("fidelity", "ScaleItem")
    AnchorRule = apps.get_model("fidelity", "AnchorRule")
    ScaleComponent = apps.get_model("fidelity", "ScaleComponent")
    for item in ScaleItem.objects.filter(scale__code="IPS-25", scale__version="2008", code__in=list(RULES)):
        AnchorRule.objects.bulk_create(
            AnchorRule(item=item, score=score, compare=AT_LEAST, bound=bound) for score, bound in RULES[item.code]
        )
        ScaleComponent.objects.bulk_create(
            ScaleComponent(item=item, number=number, text_fi=fi, text_sv=sv, text_en=en)
            for number, (fi, sv, en) in enumerate(COMPONENTS[item.code], start=1)
        )


def unload(apps, schema_editor):
    items = {"item__scale__code": "IPS-25", "item__code__in": list(RULES)}
    apps.get_model("fidelity", "AnchorRule").objects.filter(**items).delete()
    apps.get_model("fidelity", "ScaleComponent").objects.filter(**items).delete()


class Migration(migrations.Migration):
    dependencies = [("fidelity", "0004_fidelity_scale_rules_data")]

    operations = [migrations.RunPython(load, unload)]
