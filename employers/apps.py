from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmployersConfig(AppConfig):
    name = "employers"
    verbose_name = _("Employers")

    def ready(self):
        from auditlog.registry import auditlog

        from employers.models import ContactPerson, Employer, EmployerContact, FollowUp, Job

        # Contacts naming a client, jobs and follow-ups carry get_additional_data() -> {"client": uuid},
        # so they appear in that client's audit log.
        auditlog.register(Employer)
        auditlog.register(ContactPerson)
        auditlog.register(EmployerContact)
        auditlog.register(Job)
        auditlog.register(FollowUp)

        from employers.services import on_client_stage_changed
        from ips.models import Client
        from ips.signals import client_stage_changed

        client_stage_changed.connect(on_client_stage_changed, sender=Client, dispatch_uid="employers_follow_ups")

        from employers.agenda import follow_ups_due, next_steps_due
        from ips import agenda

        agenda.register(follow_ups_due)
        agenda.register(next_steps_due)
