from ips.forms.general import ClientCodeForm, LanguageForm

__all__ = ["ClientCodeForm", "LanguageForm"]
