"""The lists of the multi-professional work-ability support team (issue 15): professions and new activity kinds.

Codes stay stable (reports and the demo find rows by code); an organisation's admins add their own professions.
"""

from django.db import migrations

# (code, Finnish, Swedish, English)
PROFESSIONS = [
    ("ips_coach", "IPS-työhönvalmentaja", "IPS-arbetscoach", "IPS job coach"),
    ("doctor", "Lääkäri", "Läkare", "Doctor"),
    ("nurse", "Sairaanhoitaja", "Sjukskötare", "Nurse"),
    ("public_health_nurse", "Terveydenhoitaja", "Hälsovårdare", "Public health nurse"),
    ("psychiatric_nurse", "Psykiatrinen sairaanhoitaja", "Psykiatrisk sjukskötare", "Psychiatric nurse"),
    ("physiotherapist", "Fysioterapeutti", "Fysioterapeut", "Physiotherapist"),
    ("occupational_therapist", "Toimintaterapeutti", "Ergoterapeut", "Occupational therapist"),
    ("psychologist", "Psykologi", "Psykolog", "Psychologist"),
    ("social_worker", "Sosiaalityöntekijä", "Socialarbetare", "Social worker"),
    ("rehabilitation_counsellor", "Kuntoutusohjaaja", "Rehabiliteringshandledare", "Rehabilitation counsellor"),
    ("work_ability_coordinator", "Työkykykoordinaattori", "Arbetsförmågekoordinator", "Work-ability coordinator"),
    ("kela_expert", "Kelan asiantuntija", "FPA:s expert", "Kela expert"),
    (
        "employment_services_expert",
        "Työllisyyspalveluiden asiantuntija",
        "Expert inom sysselsättningstjänsterna",
        "Employment-services expert",
    ),
]

# (code, Finnish, Swedish, English, employment work, client contact, needs consent, order)
ACTIVITY_KINDS = [
    ("assessment_visit", "Arviointikäynti", "Bedömningsbesök", "Assessment visit", False, True, False, 162),
    ("joint_visit", "Yhteiskäynti", "Gemensamt besök", "Joint visit", True, True, False, 164),
    ("consultation", "Konsultaatio", "Konsultation", "Consultation", False, False, False, 166),
    ("hand_over", "Saattaen vaihto", "Överföring med följeslagare", "Accompanied hand-over", False, True, True, 168),
]


def load(apps, schema_editor):
    Profession = apps.get_model("ips", "Profession")
    ActivityKind = apps.get_model("ips", "ActivityKind")
    for order, (code, fi, sv, en) in enumerate(PROFESSIONS, start=1):
        Profession.objects.update_or_create(
            code=code, defaults=dict(name_fi=fi, name_sv=sv, name_en=en, order=order * 10)
        )
    for code, fi, sv, en, employment, contact, consent, order in ACTIVITY_KINDS:
        ActivityKind.objects.update_or_create(
            code=code,
            defaults=dict(
                name_fi=fi,
                name_sv=sv,
                name_en=en,
                order=order,
                is_employment_work=employment,
                is_client_contact=contact,
                needs_consent=consent,
            ),
        )


def unload(apps, schema_editor):
    apps.get_model("ips", "Profession").objects.filter(code__in=[row[0] for row in PROFESSIONS]).delete()


class Migration(migrations.Migration):
    dependencies = [("ips", "0014_team_schema")]

    operations = [migrations.RunPython(load, unload)]
