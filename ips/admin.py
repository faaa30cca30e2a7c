"""Django admin for the lists an organisation may extend; daily work happens in Polku's own pages."""

from django.contrib import admin

from ips.models import ActivityKind, Destination, Profession, ReferralSource, TargetGroup, TreatmentTeam


class TranslatedNameAdmin(admin.ModelAdmin):
    list_display = ["code", "name_fi", "name_sv", "name_en", "active", "order"]
    list_editable = ["active", "order"]
    search_fields = ["code", "name_fi", "name_sv", "name_en"]

    def get_readonly_fields(self, request, obj=None):
        # Indicators count rows by code: once a row exists its code stays.
        return ["code"] if obj else []


@admin.register(ActivityKind)
class ActivityKindAdmin(TranslatedNameAdmin):
    list_display = [*TranslatedNameAdmin.list_display, "is_employment_work", "is_client_contact", "needs_consent"]


admin.site.register(ReferralSource, TranslatedNameAdmin)
admin.site.register(TargetGroup, TranslatedNameAdmin)


@admin.register(Profession)
class ProfessionAdmin(TranslatedNameAdmin):
    list_display = [*TranslatedNameAdmin.list_display, "organisation"]
    list_filter = ["organisation"]


@admin.register(TreatmentTeam)
class TreatmentTeamAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation"]
    list_filter = ["organisation"]
    filter_horizontal = ["coaches"]
    search_fields = ["name"]


@admin.register(Destination)
class DestinationAdmin(TranslatedNameAdmin):
    list_display = [*TranslatedNameAdmin.list_display, "outcome"]
