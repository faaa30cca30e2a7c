from functools import wraps

from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST
from wagtail.images.views.serve import ServeView
from wagtail.models import Page, Site

from content.models import ReadingMark, Topic, TrainingHomePage, TrainingPage
from content.progress import team_progress_tables
from content.wagtail_hooks import reader_may_read
from ips.access import require_role
from ips.pages import in_reader_language


def reader_required(view):
    """Signed-in readers only, unless settings.TRAINING_PUBLIC opens the training site to everyone."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not reader_may_read(request):
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return wrapped


@reader_required
def home(request):
    """The training home in the reader's language (the menu links here; Wagtail serves the page itself)."""
    site = Site.find_for_request(request)
    home_page = site.root_page.localized.specific if site else None
    if not isinstance(home_page, TrainingHomePage):
        raise Http404
    url = home_page.get_url(request)
    # Tag links on training pages point here with their filter, e.g. ?item=V4.
    return redirect(f"{url}?{request.GET.urlencode()}" if request.GET else url)


@login_required
@require_POST
def mark_read(request, page_id):
    page = get_object_or_404(TrainingPage.objects.live(), id=page_id)
    mark = None
    if request.POST.get("action") == "unread":
        ReadingMark.objects.for_page(request.user, page).delete()
    else:
        mark = ReadingMark.objects.for_page(request.user, page).first()
        if mark is None:
            mark = ReadingMark.objects.create(user=request.user, page=page)
    if request.htmx:
        return render(request, "content/training_page.html#read_status", {"page": page, "read_mark": mark})
    return redirect(page.get_url(request))


@login_required
def team_progress(request):
    """Which training pages each member of the supervisor's teams has marked read."""
    require_role(request.user, "supervisor")
    team_ids = request.user.roles.supervisor_teams
    return render(request, "content/team_progress.html", {"tables": team_progress_tables(team_ids)})


@reader_required
def pages_for_item(request, code):
    """An HTML fragment for the fidelity app: training pages tagged with one fidelity item code."""
    topic = get_object_or_404(Topic, kind=Topic.Kind.FIDELITY_ITEM, code__iexact=code)
    pages = in_reader_language(TrainingPage.objects.live().filter(fidelity_items=topic)).order_by("title")
    return render(request, "content/pages_for_item.html", {"topic": topic, "pages": pages})


@reader_required
def page_link(request, page_id):
    """An HTML fragment for the fidelity action plan: a link to the page in the reader's language, else in Finnish,
    whichever language version the plan names (a reviewer chose it in theirs)."""
    page = get_object_or_404(Page.objects.live(), id=page_id)
    versions = Page.objects.live().filter(translation_key=page.translation_key).select_related("locale")
    shown = in_reader_language(versions).first() or page
    return render(request, "content/page_link.html", {"page": shown})


image_serve = reader_required(ServeView.as_view(action="serve"))
