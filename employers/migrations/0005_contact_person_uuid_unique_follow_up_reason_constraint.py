import uuid

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('employers', '0004_fill_uuids_and_cancel_reasons'),
    ]

    operations = [
        migrations.AlterField(
            model_name='contactperson',
            name='uuid',
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
        ),
        migrations.AddConstraint(
            model_name='followup',
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(('cancel_reason', ''), ('cancelled_on__isnull', True)),
                    models.Q(('cancelled_on__isnull', False), models.Q(('cancel_reason', ''), _negated=True)),
                    _connector='OR',
                ),
                name='follow_up_cancelled_with_reason',
            ),
        ),
    ]
