from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IpsConfig(AppConfig):
    name = "ips"
    verbose_name = _("IPS job coaching")

    def ready(self):
        from auditlog.registry import auditlog
        from django.contrib.auth.signals import user_logged_in

        from ips import models
        from ips.forms.fields import use_choose_label
        from ips.sessions import mark_signed_in

        # Names are masked in change rows: the log proves who changed what without copying the name around.
        # Wholly: auditlog's default mask keeps the second half of a value, which for a surname is most of it.
        names = {"mask_fields": ["first_name", "last_name"], "mask_callable": "ips.audit.mask_all"}
        auditlog.register(models.Client, m2m_fields={"target_groups"}, **names)
        auditlog.register(models.Membership)
        # Organisation administration: who changed a person, team or organisation and when (the admin history page).
        # Not the password hash, and not the sign-in time that every login rewrites.
        auditlog.register(models.User, exclude_fields=["password", "last_login"], m2m_fields={"groups"})
        auditlog.register(models.TreatmentTeam, m2m_fields={"coaches"})
        auditlog.register(models.TreatmentTeamMembership)
        auditlog.register(models.ClientTreatmentTeam)
        for model in (models.Organisation, models.Team):
            auditlog.register(model)
        auditlog.register(models.Referral, **names)
        for model in (
            models.ClientAssignment,
            models.Consent,
            models.Goal,
            models.KykyviisariScore,
            models.SatisfactionAnswer,
            models.StageChange,
            models.TimeEntry,
            models.VocationalProfile,
        ):
            auditlog.register(model)
        # The work-ability support team around the client (issue 15).
        for model in (models.Coordinator, models.SupportPlan, models.PlanAction, models.PlanChange, models.HandOver):
            auditlog.register(model)
        # Without m2m_fields: auditlog's m2m rows ask the record for its client while loaddata restores a backup,
        # before the client row may be in (tests/test_backup.py).
        auditlog.register(models.NetworkMeeting)

        use_choose_label()
        user_logged_in.connect(mark_signed_in, dispatch_uid="ips_session_signed_in_at")
