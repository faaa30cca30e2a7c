"""The lists of the multi-professional work-ability support team (issue 15): professions and new activity kinds;
the client's asiakasvastaava from its three text fields into a dated assignment.

Codes stay stable (reports and the demo find rows by code); an organisation's admins add their own professions.
"""

import uuid
from datetime import timedelta

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

# The parties a consent to exchange information names. (code, Finnish, Swedish, English, words in a consent's
# free-text scope that name the party: existing consents get the parties their text names, nothing more.)
PARTIES = [
    ("kela", "Kela", "FPA", "Kela", ("kela", "fpa")),
    (
        "employment_services", "Työllisyyspalvelut", "Sysselsättningstjänster", "Employment services",
        ("työllisyy", "te-palvelu", "te-toimisto", "te palvelu", "sysselsättning", "employment"),
    ),
    ("employers", "Työnantajat", "Arbetsgivare", "Employers", ("työnantaj", "arbetsgivar", "employer")),
    ("occupational_health", "Työterveyshuolto", "Företagshälsovård", "Occupational health", ("työterveys", "företagshälso")),
    ("health_care", "Terveydenhuolto", "Hälso- och sjukvård", "Health care", ("hoitotaho", "terveys", "psykiatr", "hälso")),
    ("social_services", "Sosiaalipalvelut", "Socialtjänster", "Social services", ("sosiaali", "social")),
    ("rehabilitation_provider", "Kuntoutuksen palveluntuottaja", "Rehabiliteringsproducent", "Rehabilitation provider", ("kuntoutu",)),
    ("education", "Oppilaitos", "Läroanstalt", "Educational institution", ("oppilaitos", "koulu", "läroanstalt")),
    ("pension_insurer", "Työeläkevakuuttaja", "Arbetspensionsförsäkrare", "Pension insurer", ("eläke", "pension")),
    ("third_sector", "Järjestöt", "Organisationer", "Third sector", ("järjestö",)),
]  # fmt: skip

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


def load_parties(apps, schema_editor):
    Party = apps.get_model("ips", "Party")
    Consent = apps.get_model("ips", "Consent")
    rows = {}
    for order, (code, fi, sv, en, _words) in enumerate(PARTIES, start=1):
        rows[code], _created = Party.objects.update_or_create(
            code=code, defaults=dict(name_fi=fi, name_sv=sv, name_en=en, order=order * 10)
        )
    for consent in Consent.objects.exclude(scope=""):
        text = consent.scope.lower()
        named = [rows[code] for code, *_names, words in PARTIES if any(word in text for word in words)]
        consent.parties.add(*named)


def coordinators_from_text(apps, schema_editor):
    """The asiakasvastaava the client record held as three fields becomes the first dated assignment, from
    programme entry (else the day the record was made), open: the fields had no history to carry over."""
    Client = apps.get_model("ips", "Client")
    Coordinator = apps.get_model("ips", "Coordinator")
    named = Client.objects.exclude(coordinator_user__isnull=True, coordinator_name="").exclude(
        pk__in=Coordinator.objects.values("client_id")
    )
    Coordinator.objects.bulk_create(
        Coordinator(
            uuid=uuid.uuid4(),
            client_id=client.pk,
            user_id=client.coordinator_user_id,
            name="" if client.coordinator_user_id else client.coordinator_name,
            organisation_name=client.coordinator_organisation,
            started=client.programme_entry or client.created.date(),
            ended=client.closed_on + timedelta(days=1) if client.closed_on else None,
        )
        for client in named.only(
            "pk", "coordinator_user_id", "coordinator_name", "coordinator_organisation", "programme_entry",
            "created", "closed_on",
        ).iterator()
    )


def service_periods_from_client(apps, schema_editor):
    """Each client's one current service (type, start, end) becomes its first dated service period: from the
    service start (else programme entry, else the day the record was made) to the day after its end or closure."""
    Client = apps.get_model("ips", "Client")
    ServicePeriod = apps.get_model("ips", "ServicePeriod")
    have = ServicePeriod.objects.values("client_id")
    rows = Client.objects.exclude(pk__in=have).only(
        "pk", "service_type", "service_started", "service_ended", "programme_entry", "created", "closed_on"
    )
    ServicePeriod.objects.bulk_create(
        ServicePeriod(
            uuid=uuid.uuid4(),
            client_id=client.pk,
            service=client.service_type,
            started=client.service_started or client.programme_entry or client.created.date(),
            ended=(
                max(last, client.service_started or client.programme_entry or client.created.date())
                + timedelta(days=1)
                if (last := client.service_ended or client.closed_on)
                else None
            ),
        )
        for client in rows.iterator()
    )


def coordinators_to_text(apps, schema_editor):
    Client = apps.get_model("ips", "Client")
    Coordinator = apps.get_model("ips", "Coordinator")
    for row in Coordinator.objects.order_by("client_id", "-started"):
        Client.objects.filter(pk=row.client_id, coordinator_name="", coordinator_user__isnull=True).update(
            coordinator_user=row.user_id, coordinator_name=row.name, coordinator_organisation=row.organisation_name
        )


def unload(apps, schema_editor):
    apps.get_model("ips", "Profession").objects.filter(code__in=[row[0] for row in PROFESSIONS]).delete()


class Migration(migrations.Migration):
    dependencies = [("ips", "0017_team_schema")]

    operations = [
        migrations.RunPython(load, unload),
        migrations.RunPython(load_parties, migrations.RunPython.noop),
        migrations.RunPython(coordinators_from_text, coordinators_to_text),
        migrations.RunPython(service_periods_from_client, migrations.RunPython.noop),
    ]
