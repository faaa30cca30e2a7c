from django import forms
from django.utils.translation import gettext_lazy as _

from ips.forms.trust import TrustedModelForm
from ips.models import AccessibilityFeedback


class AccessibilityFeedbackForm(TrustedModelForm):
    """Feedback from the accessibility statement, open to anyone. `website` is a honeypot: people never see it
    (its wrapper is `hidden`), form-filling robots do; a message with it filled is thanked for and dropped."""

    website = forms.CharField(label=_("Leave this field empty"), required=False)

    class Meta:
        model = AccessibilityFeedback
        fields = ["message", "page", "name", "email"]
        widgets = {"message": forms.Textarea(attrs={"rows": 6})}
        help_texts = {
            "page": _("Which page or part of Polku is hard to use?"),
            "email": _("If you want an answer. We answer within 14 days."),
        }

    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get("website"))
