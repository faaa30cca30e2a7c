from django.urls import path

from employers.views import contacts, employers, fragments, imports, jobs

app_name = "employers"

urlpatterns = [
    path("", employers.employer_list, name="employer_list"),
    path("new/", employers.employer_create, name="employer_create"),
    path("<uuid:uuid>/", employers.employer_detail, name="employer_detail"),
    path("<uuid:uuid>/edit/", employers.employer_edit, name="employer_edit"),
    path("<uuid:uuid>/contact-persons/new/", employers.contact_person_create, name="contact_person_create"),
    path("contact-persons/<uuid:uuid>/edit/", employers.contact_person_edit, name="contact_person_edit"),
    path("contact-persons/<uuid:uuid>/remove/", employers.contact_person_remove, name="contact_person_remove"),
    path("<uuid:uuid>/contacts/new/", contacts.contact_create, name="employer_contact_create"),
    path("contacts/new/", contacts.contact_create, name="contact_create"),
    path("contacts/<uuid:uuid>/edit/", contacts.contact_edit, name="employer_contact_edit"),
    path("contacts/<uuid:uuid>/delete/", contacts.contact_delete, name="employer_contact_delete"),
    path("clients/<uuid:uuid>/jobs/", fragments.client_jobs, name="client_jobs"),
    path("clients/<uuid:uuid>/jobs/new/", jobs.job_start, name="job_start"),
    path("jobs/<uuid:uuid>/end/", jobs.job_end, name="job_end"),
    path("follow-ups/<uuid:uuid>/done/", jobs.follow_up_done, name="follow_up_done"),
    path("today/", fragments.today_panel, name="today_panel"),
    path("team/week/", fragments.team_contacts_week, name="team_contacts_week"),
    path("imports/", imports.import_list, name="import_list"),
    path("imports/template/<str:kind>/", imports.import_template, name="import_template"),
    path("imports/<uuid:uuid>/", imports.import_detail, name="import_detail"),
    path("imports/<uuid:uuid>/map/", imports.import_map, name="import_map"),
    path("imports/<uuid:uuid>/commit/", imports.import_commit, name="import_commit"),
    path("imports/<uuid:uuid>/cancel/", imports.import_cancel, name="import_cancel"),
    path("imports/<uuid:uuid>/undo/", imports.import_undo, name="import_undo"),
    path("imports/<uuid:uuid>/errors/", imports.import_errors, name="import_errors"),
]
