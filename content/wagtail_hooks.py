"""Reader rules for the training site: who may read, and which language version they get."""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from wagtail import hooks

from content.models import ReaderLanguageMixin


def reader_may_read(request) -> bool:
    return settings.TRAINING_PUBLIC or request.user.is_authenticated


@hooks.register("before_serve_page")
def serve_in_the_readers_language(page, request, serve_args, serve_kwargs):
    if not reader_may_read(request):
        return redirect_to_login(request.get_full_path())
    if isinstance(page, ReaderLanguageMixin):
        version = page.version_for_reader()
        url = version.get_url(request) if version.pk != page.pk else None
        if url:
            return redirect(url)
    return None


@hooks.register("before_serve_document")
def documents_follow_the_reading_rule(document, request):
    if not reader_may_read(request):
        return redirect_to_login(request.get_full_path())
    return None
