# The new columns first, then the data (0004), then the constraints (0005): PostgreSQL refuses to alter a table
# that has pending trigger events from rows changed in the same transaction.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('employers', '0002_performance_indexes'),
    ]

    operations = [
        migrations.AddField(
            model_name='contactperson',
            name='uuid',
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name='contactperson',
            name='active',
            field=models.BooleanField(
                default=True,
                help_text='Clear this when the person has left or is no longer your contact. Past contacts keep the name.',
                verbose_name='still a contact person',
            ),
        ),
        migrations.AddField(
            model_name='followup',
            name='cancel_reason',
            field=models.CharField(
                blank=True,
                choices=[('job_ended', 'The job ended'), ('service_closed', 'The service was closed')],
                max_length=20,
                verbose_name='cancelled because',
            ),
        ),
    ]
