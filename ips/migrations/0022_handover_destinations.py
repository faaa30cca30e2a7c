"""The destination services of an accompanied hand-over, from seed 001's service map (the Vaasa work-ability
support model): rehabilitation, social welfare's work activity, education, employment services, occupational
health, specialised health care, pension, youth services and the third sector. Codes stay stable: reports and the
demo find rows by code; admins add others."""

from django.db import migrations

# (code, Finnish, Swedish, English, outcome a closing hand-over records)
DESTINATIONS = [
    ("medical_rehabilitation", "Lääkinnällinen kuntoutus", "Medicinsk rehabilitering", "Medical rehabilitation", "rehabilitation"),
    ("vocational_rehabilitation", "Ammatillinen kuntoutus", "Yrkesinriktad rehabilitering", "Vocational rehabilitation", "rehabilitation"),
    ("social_rehabilitation", "Sosiaalinen kuntoutus", "Social rehabilitering", "Social rehabilitation", "rehabilitation"),
    (
        "mental_health_rehabilitation", "Päihde- ja mielenterveyskuntoutus",
        "Rehabilitering inom missbruks- och mentalvården", "Substance abuse and mental health rehabilitation",
        "rehabilitation",
    ),
    ("rehabilitative_work_activity", "Kuntouttava työtoiminta", "Arbetsverksamhet i rehabiliteringssyfte", "Rehabilitative work activity", "other_services"),
    (
        "social_welfare_work_activity", "Sosiaalihuoltolain mukainen työtoiminta",
        "Arbetsverksamhet enligt socialvårdslagen", "Work activity under the Social Welfare Act", "other_services",
    ),
    (
        "disability_work_activity", "Kehitysvammaisten työtoiminta ja työhönvalmennus",
        "Arbetsverksamhet och arbetsträning för personer med intellektuell funktionsnedsättning",
        "Work activity and job coaching for people with intellectual disabilities", "other_services",
    ),
    ("work_trial", "Työkokeilu", "Arbetsprövning", "Work trial", "other_services"),
    ("education", "Koulutus", "Utbildning", "Education", "education"),
    ("employment_services", "Työllisyyspalvelut", "Sysselsättningstjänster", "Employment services", "other_services"),
    ("occupational_health", "Työterveyshuolto", "Företagshälsovård", "Occupational health", "other_services"),
    ("specialised_health_care", "Erikoissairaanhoito", "Specialiserad sjukvård", "Specialised health care", "other_services"),
    ("pension", "Eläke (työkyvyttömyyseläke)", "Pension (sjukpension)", "Pension (disability pension)", "pension"),
    ("youth_services", "Nuorten palvelut", "Ungdomstjänster", "Youth services", "other_services"),
    ("third_sector", "Järjestöt", "Organisationer", "Third sector", "other_services"),
]  # fmt: skip


def load(apps, schema_editor):
    Destination = apps.get_model("ips", "Destination")
    for order, (code, fi, sv, en, outcome) in enumerate(DESTINATIONS, start=1):
        Destination.objects.update_or_create(
            code=code, defaults=dict(name_fi=fi, name_sv=sv, name_en=en, outcome=outcome, order=order * 10)
        )


class Migration(migrations.Migration):
    dependencies = [("ips", "0021_handover_schema")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
