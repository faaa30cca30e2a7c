"""Fill DailyMinutes from the log already written: the coaches' minutes per team, day, kind and setting."""

from django.db import migrations


def fill(apps, schema_editor):
    summary = apps.get_model("ips", "DailyMinutes")._meta.db_table
    log = apps.get_model("ips", "TimeEntry")._meta.db_table
    quote = schema_editor.connection.ops.quote_name
    columns = ", ".join(quote(name) for name in ("team_id", "date", "kind_id", "setting"))
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {quote(summary)}")
        cursor.execute(
            f"INSERT INTO {quote(summary)} ({columns}, {quote('minutes')}) "
            f"SELECT {columns}, SUM({quote('minutes')}) FROM {quote(log)} "
            f"WHERE {quote('coach_work')} = %s GROUP BY {columns}",
            [True],
        )


class Migration(migrations.Migration):
    dependencies = [("ips", "0023_summary_daily_minutes")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
