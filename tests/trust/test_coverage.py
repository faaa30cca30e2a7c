"""Every form that writes has both mechanisms, and every routed URL that writes is walked (tests/trust/cases.py).

A new form fails here until it starts from ips.forms.trust.TrustedForm or TrustedModelForm (or says below why it
needs neither); a new URL fails until cases.py walks it or says why it needs no walk.
"""

from django import forms

from content.forms import DocumentForm
from content.models import TrainingFilterForm
from fidelity import forms as fidelity_forms
from ips.forms.admin import PersonFilterForm
from ips.forms.general import ClientCodeForm, LanguageForm
from ips.forms.trust import OneTimeSubmitMixin, StaleSaveMixin
from ips.views.accounts import PasswordSignInForm
from reports.forms import PeriodForm, ReportForm
from tests.hostile import defined_in_apps
from tests.permissions.walker import routes
from tests.trust.cases import CREATES, EDITS, NEITHER

# Forms that write nothing, or keep their own promise; each with the reason.
NEITHER_FORMS = {
    LanguageForm: "a preference: sending it twice sets the same language",
    ClientCodeForm: "a search (GET)",
    PersonFilterForm: "a search (GET)",
    ReportForm: "a report's filter (GET)",
    PeriodForm: "a report's period (GET): the team report's filter",
    TrainingFilterForm: "a search (GET)",
    DocumentForm: "Wagtail's document upload in the CMS admin, outside Polku's pages",
    PasswordSignInForm: "sign-in writes no record of its own: signing in twice signs in once",
}
# Plain forms of fidelity's scoring page: fidelity.services refuses a stale `version` with the other reviewer's
# values shown (fidelity/views/reviews.py); a repeat carries the old version and is refused the same way.
VERSIONED_FORMS = {fidelity_forms.RatingForm, fidelity_forms.ReviewTextsForm, fidelity_forms.VersionForm}


def test_every_form_that_writes_is_saved_once():
    missing = {
        form.__qualname__
        for form in defined_in_apps(forms.BaseForm)
        if not issubclass(form, OneTimeSubmitMixin) and form not in NEITHER_FORMS and form not in VERSIONED_FORMS
    }
    assert not missing, f"start {sorted(missing)} from ips.forms.trust.TrustedForm or TrustedModelForm"


def test_every_model_form_refuses_a_stale_save():
    missing = {
        form.__qualname__
        for form in defined_in_apps(forms.BaseForm)
        if issubclass(form, forms.BaseModelForm) and not issubclass(form, StaleSaveMixin) and form not in NEITHER_FORMS
    }
    assert not missing, f"start {sorted(missing)} from ips.forms.trust.TrustedModelForm"


def test_versioned_forms_carry_their_version():
    for form in VERSIONED_FORMS:
        assert isinstance(form.base_fields.get("version"), forms.IntegerField), form.__qualname__


def test_every_url_is_walked_or_says_why_not():
    routed = {route.key for route in routes()}
    walked = {walk.key for walk in [*CREATES, *EDITS]}
    unaccounted = routed - walked - set(NEITHER)
    assert not unaccounted, (
        f"tests/trust/cases.py: add {sorted(unaccounted)} to CREATES or EDITS (a form that writes) or to NEITHER "
        "with the reason it needs neither"
    )
    stale = (walked | set(NEITHER)) - routed
    assert not stale, f"tests/trust/cases.py names URLs that are not routed: {sorted(stale)}"
    assert not walked & set(NEITHER), f"walked and also in NEITHER: {sorted(walked & set(NEITHER))}"
