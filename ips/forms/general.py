from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class LanguageForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    next = forms.CharField(required=False, widget=forms.HiddenInput)


class ClientCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Client pseudonym code"),
        max_length=20,
        help_text=_("For example POH-7K3QX."),
    )

    def clean_code(self):
        return self.cleaned_data["code"].strip().upper()


def posted_data(request):
    """The form data of a POST, else None (an unbound form).

    Not `request.POST or None`: an empty POST is still a submission, and its required fields must get their
    messages instead of the page showing a blank form as if nothing had been sent.
    """
    return request.POST if request.method == "POST" else None
