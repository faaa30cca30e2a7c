"""Polku keeps no state in its processes: two gunicorn instances on one PostgreSQL and one media store are one site.

What a load balancer needs: a session made through instance A works on instance B, an entry saved through A
shows on B, and a training document uploaded through A's Wagtail admin downloads through B.
"""

import os
import re
import socket
import subprocess
import sys
import time

import pytest
import requests
from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.contrib.auth.models import Permission
from django.db import connection
from wagtail.documents.models import Document
from wagtail.models import Collection, GroupCollectionPermission

from ips.models import CONTENT_EDITORS_GROUP
from tests.reference_data import restore_migrated_rows

pytestmark = [pytest.mark.multiprocess, pytest.mark.django_db(transaction=True)]

PASSWORD = "two-instances-2026"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url, process, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, f"gunicorn exited with {process.returncode}"
        try:
            if requests.get(f"{url}/health/", timeout=5).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.2)
    raise AssertionError(f"{url} did not come up")


@pytest.fixture
def instances(tmp_path):
    """Two gunicorn processes on two ports, on the test database and one shared MEDIA_ROOT."""
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_ENV": "development",
        "DATABASE_URL": "",
        "PGDATABASE": db["NAME"],
        "PGUSER": db["USER"] or "",
        "PGPASSWORD": db["PASSWORD"] or "",
        "PGHOST": db["HOST"] or "",
        "PGPORT": str(db["PORT"] or ""),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "ALLOWED_HOSTS": "127.0.0.1",
    }
    processes, urls = [], []
    for _name in ("a", "b"):
        port = _free_port()
        command = [sys.executable, "-m", "gunicorn", "config.wsgi", f"--bind=127.0.0.1:{port}", "--workers=1"]
        processes.append(
            subprocess.Popen(
                command, cwd=settings.BASE_DIR, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
        )
        urls.append(f"http://127.0.0.1:{port}")
    try:
        for url, process in zip(urls, processes, strict=True):
            _wait_for(url, process)
        yield urls
    finally:
        # Before the test database is flushed or dropped: the servers hold connections to it.
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=10)


def _user_with_password(user):
    # The servers use the real hashers (the test settings use MD5); few iterations keep the login quick.
    user.password = PBKDF2PasswordHasher().encode(PASSWORD, "twoinstances", iterations=1000)
    user.save()
    return user


def _log_in(browser, url, username):
    page = browser.get(f"{url}/accounts/login/")
    token = CSRF.search(page.text).group(1)
    data = {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token}
    response = browser.post(f"{url}/accounts/login/", data=data, allow_redirects=False)
    assert response.status_code == 302, response.text[:500]
    return response


def test_a_session_an_entry_and_a_document_made_through_one_instance_are_seen_through_the_other(
    instances, coach_a, client_a, content_editor
):
    restore_migrated_rows()
    a, b = instances
    _user_with_password(coach_a)
    _user_with_password(content_editor)
    # The content editors' rights as seed_training grants them: the Wagtail admin and documents in the root.
    editors = content_editor.groups.get(name=CONTENT_EDITORS_GROUP)
    editors.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    root = Collection.get_first_root_node()
    for permission in Permission.objects.filter(content_type__app_label="wagtaildocs"):
        GroupCollectionPermission.objects.create(group=editors, collection=root, permission=permission)

    # The session made on A is honoured on B (cookies are per host, not per port, as behind one balancer).
    coach = requests.Session()
    _log_in(coach, a, "coach_a")
    today_on_b = coach.get(f"{b}/today/", allow_redirects=False)
    assert today_on_b.status_code == 200
    assert f"{coach_a.first_name}</h1>" in today_on_b.text

    # An entry saved on A is listed on B.
    form = coach.get(f"{a}/today/").text
    data = {
        "csrfmiddlewaretoken": CSRF.search(form).group(1),
        "date": time.strftime("%Y-%m-%d"),
        "minutes": "25",
        "kind": re.search(r'<select name="kind"[^>]*>\s*<option value="(\d+)"', form).group(1),
        "setting": "community",
        "client": str(client_a.pk),
        "note": "Saved through instance A",
        "submission_id": re.search(r'name="submission_id" value="([^"]+)"', form).group(1),
    }
    saved = coach.post(f"{a}/today/entries/new/", data=data, allow_redirects=False)
    assert saved.status_code == 302, saved.text[:1000]
    assert "Saved through instance A" in coach.get(f"{b}/today/").text

    # A training document uploaded through A's Wagtail admin downloads through B.
    editor = requests.Session()
    _log_in(editor, a, "content_editor")
    add_form = editor.get(f"{a}/cms/documents/add/", allow_redirects=False)
    assert add_form.status_code == 200
    content = b"IPS-tukilomake, jaettu tallennustila\n"
    uploaded = editor.post(
        f"{a}/cms/documents/add/",
        data={"csrfmiddlewaretoken": CSRF.search(add_form.text).group(1), "title": "Tukilomake", "collection": root.pk},
        files={"file": ("tukilomake.txt", content, "text/plain")},
        allow_redirects=False,
    )
    assert uploaded.status_code == 302, uploaded.text[:1000]
    assert uploaded.headers["Location"].startswith("/cms/documents/")
    document = Document.objects.get(title="Tukilomake")
    download = coach.get(f"{b}{document.url}", allow_redirects=False)
    assert download.status_code == 200
    assert download.content == content
