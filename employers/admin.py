from django.contrib import admin

from employers.models import ContactPerson, Employer, EmployerContact, FollowUp, Job


class ContactPersonInline(admin.TabularInline):
    model = ContactPerson
    extra = 0


@admin.register(Employer)
class EmployerAdmin(admin.ModelAdmin):
    list_display = ["name", "business_id", "organisation", "municipality", "status"]
    list_filter = ["organisation", "status", "industry"]
    search_fields = ["name", "business_id", "municipality"]
    raw_id_fields = ["responsible_coach"]
    inlines = [ContactPersonInline]


@admin.register(EmployerContact)
class EmployerContactAdmin(admin.ModelAdmin):
    # Client codes only: the admin list is not a client page.
    list_display = ["date", "employer", "coach", "team", "purpose", "face_to_face", "minutes", "client"]
    list_filter = ["purpose", "face_to_face", "team"]
    date_hierarchy = "date"
    raw_id_fields = ["employer", "coach", "client", "contact_person"]
    list_select_related = ["employer", "coach", "team", "client"]


class FollowUpInline(admin.TabularInline):
    model = FollowUp
    extra = 0
    raw_id_fields = ["client", "done_by"]


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ["title", "employer", "client", "start_date", "end_date", "competitive", "wage_subsidy"]
    list_filter = ["competitive", "wage_subsidy", "contract_type"]
    raw_id_fields = ["client", "employer", "created_by"]
    list_select_related = ["employer", "client"]
    inlines = [FollowUpInline]
