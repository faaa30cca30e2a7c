"""Small answers every app's views give: a safe "next" redirect, and a page or its htmx fragment."""

from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme

from ips.params import query_text


def safe_next(request, default):
    """The posted or linked "next" URL when it stays on this site, else the default (never an open redirect)."""
    candidate = request.POST.get("next") or query_text(request, "next")
    if candidate and url_has_allowed_host_and_scheme(candidate, {request.get_host()}, request.is_secure()):
        return candidate
    return default


def redirect_next(request, default: str) -> HttpResponseRedirect:
    # Not shortcuts.redirect: a "next" that looks like a view name would be reversed, and fail.
    return HttpResponseRedirect(safe_next(request, default))


def render_page_or_fragment(request, template: str, fragment: str, context: dict, **kwargs):
    """One template for both: its `{% partialdef fragment %}` for an htmx request, the whole page otherwise."""
    return render(request, f"{template}#{fragment}" if request.htmx else template, context, **kwargs)
