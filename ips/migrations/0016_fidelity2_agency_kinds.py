"""Two log kinds for fidelity item O3: meetings and contacts with employment-services and Kela counsellors.

A meeting logged in any setting but phone or video is face to face; a contact is a call, message or remote meeting
about shared clients. Both are network work, so an entry naming a client needs the client's consent.
"""

from django.db import migrations

# (code, Finnish, Swedish, English, order)
KINDS = [
    ("agency_meeting", "Tapaaminen työllisyyspalvelujen tai Kelan kanssa",
     "Möte med sysselsättningstjänsterna eller FPA", "Meeting with employment services or Kela", 101),
    ("agency_contact", "Yhteydenpito työllisyyspalveluihin tai Kelaan",
     "Kontakt med sysselsättningstjänsterna eller FPA", "Contact with employment services or Kela", 102),
]


def load(apps, schema_editor):
    ActivityKind = apps.get_model("ips", "ActivityKind")
    for code, fi, sv, en, order in KINDS:
        ActivityKind.objects.update_or_create(
            code=code,
            defaults={
                "name_fi": fi, "name_sv": sv, "name_en": en, "order": order,
                "is_employment_work": True, "is_client_contact": False, "needs_consent": True,
            },
        )


def unload(apps, schema_editor):
    apps.get_model("ips", "ActivityKind").objects.filter(code__in=[code for code, *_ in KINDS]).delete()


class Migration(migrations.Migration):
    dependencies = [("ips", "0015_funder2_esf")]

    operations = [migrations.RunPython(load, unload)]
