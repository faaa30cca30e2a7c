"""The comparison side: Django's admin changelist and django-import-export over the same client rows."""

from django.contrib import admin
from import_export import fields, resources

from ips.models import Client, EducationLevel, Gender, LabourMarketStatus, Outcome, ServiceType, age_band
from reports.workbook import AGE_BANDS, yes_no

site = admin.AdminSite(name="bench_admin")


@admin.register(Client, site=site)
class ClientAdmin(admin.ModelAdmin):
    """The caseload's columns: the same annotations, 25 a page, by code; filtered by team and open stages in the URL."""

    list_display = [
        "code", "last_name", "first_name", "stage", "stage_since", "last_contact", "current_job", "coach", "next_step"
    ]  # fmt: skip
    list_filter = ["stage"]
    list_select_related = ["coach"]
    list_per_page = 25
    ordering = ["code"]

    def get_queryset(self, request):
        return super().get_queryset(request).with_last_contact().with_current_job()

    @admin.display(description="last contact")
    def last_contact(self, obj):
        return obj.last_contact

    @admin.display(description="current job")
    def current_job(self, obj):
        return obj.current_job


def _label(choices):
    labels = dict(choices)
    return lambda value: str(labels.get(value, ""))


class ClientRowResource(resources.ModelResource):
    """The participant-level list's sheet as a django-import-export resource: same rows, same columns."""

    team = fields.Field(attribute="team__name", column_name="Team")
    age_band = fields.Field(column_name="Age band at entry")
    kyky_entry = fields.Field(attribute="kyky_entry", column_name="Kykyviisari at entry")
    kyky_latest = fields.Field(attribute="kyky_latest", column_name="Kykyviisari latest")
    first_job = fields.Field(attribute="first_job", column_name="First job start")
    days_to_first_job = fields.Field(column_name="Days to first job")
    in_work = fields.Field(column_name="In competitive work in the period")

    class Meta:
        model = Client
        fields = [
            "code", "team", "service_type", "gender", "age_band", "labour_market_status", "education_level",
            "out_of_work_at_referral", "programme_entry", "closed_on", "outcome", "satisfaction", "kyky_entry",
            "kyky_latest", "first_job", "days_to_first_job", "in_work",
        ]  # fmt: skip
        export_order = fields

    service_label = staticmethod(_label(ServiceType.choices))
    gender_label = staticmethod(_label(Gender.choices))
    status_label = staticmethod(_label(LabourMarketStatus.choices))
    education_label = staticmethod(_label(EducationLevel.choices))
    outcome_label = staticmethod(_label(Outcome.choices))

    def dehydrate_service_type(self, client):
        return self.service_label(client.service_type)

    def dehydrate_gender(self, client):
        return self.gender_label(client.gender)

    def dehydrate_age_band(self, client):
        return str(AGE_BANDS[age_band(client.programme_entry, client.birth_year)])

    def dehydrate_labour_market_status(self, client):
        return self.status_label(client.labour_market_status)

    def dehydrate_education_level(self, client):
        return self.education_label(client.education_level)

    def dehydrate_out_of_work_at_referral(self, client):
        return yes_no(client.out_of_work_at_referral)

    def dehydrate_outcome(self, client):
        return self.outcome_label(client.outcome)

    def dehydrate_days_to_first_job(self, client):
        if client.first_job and client.programme_entry:
            return (client.first_job - client.programme_entry).days
        return None

    def dehydrate_in_work(self, client):
        return yes_no(client.in_work)
