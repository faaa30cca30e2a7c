"""The reminder settings: the private calendar feed (on, new address, off) and the daily e-mail digest."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ips.forms.trust import TrustedModelForm
from ips.models import ReminderSettings


class ReminderForm(TrustedModelForm):
    KEEP, ON, NEW, OFF = "keep", "on", "new", "off"

    feed = forms.ChoiceField(
        label=_("Calendar feed"),
        choices=[
            (KEEP, _("Keep as it is")),
            (ON, _("On")),
            (NEW, _("New address (the old one stops working)")),
            (OFF, _("Off")),
        ],
        initial=KEEP,
    )

    class Meta:
        model = ReminderSettings
        fields = ["daily_digest"]
        labels = {"daily_digest": _("Send me a daily e-mail with the numbers of my agenda (no names)")}

    def save(self, commit=True):
        reminder = self.instance
        choice = self.cleaned_data["feed"]
        if choice == self.NEW or (choice == self.ON and not reminder.feed_token):
            reminder.regenerate_feed()
        elif choice == self.OFF:
            reminder.feed_token = None
        return super().save(commit)
