from ips.forms.general import ClientCodeForm, LanguageForm, posted_data

__all__ = ["ClientCodeForm", "LanguageForm", "posted_data"]
