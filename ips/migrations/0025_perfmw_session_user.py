"""The signed-in user's id in django.contrib.sessions' table, so that a request reads its session and user in one
query (ips.models.Session, unmanaged: the table stays that app's, and only this column is added here)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def add_user_column(apps, schema_editor):
    session = apps.get_model("ips", "Session")
    schema_editor.add_field(session, session._meta.get_field("user"))


def remove_user_column(apps, schema_editor):
    session = apps.get_model("ips", "Session")
    schema_editor.remove_field(session, session._meta.get_field("user"))


class Migration(migrations.Migration):
    dependencies = [
        ("ips", "0024_summary_daily_minutes_fill"),
        ("sessions", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Session",
            fields=[
                (
                    "session_key",
                    models.CharField(max_length=40, primary_key=True, serialize=False, verbose_name="session key"),
                ),
                ("session_data", models.TextField(verbose_name="session data")),
                ("expire_date", models.DateTimeField(db_index=True, verbose_name="expire date")),
                (
                    "user",
                    models.ForeignKey(
                        db_constraint=False,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "session",
                "verbose_name_plural": "sessions",
                "db_table": "django_session",
                "abstract": False,
                "managed": False,
            },
        ),
        # Existing sessions keep working: their column is empty until the store next writes them (within a
        # minute of use), and until then the auth layer reads the user in a query of its own.
        migrations.RunPython(add_user_column, remove_user_column),
    ]
