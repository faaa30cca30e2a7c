"""Ship the training site: homes in Finnish and Swedish, sections, starting pages, the glossary, editor rights.

Idempotent and deterministic: every page has a fixed translation key, and a page that already exists is left as
it is, so running the command again never overwrites what editors have changed.
"""

import json
import uuid

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Site,
)

from content import vocabulary
from content.models import GlossaryPage, GlossaryTerm, Topic, TrainingHomePage, TrainingIndexPage, TrainingPage
from content.seed import GLOSSARY, HOME, SECTIONS
from content.seed.glossary import GLOSSARY_PAGE
from ips.models import CONTENT_EDITORS_GROUP

LANGUAGES = ("fi", "sv")
NAMESPACE = uuid.UUID("6f1d3c0e-6a43-4b8e-9c53-2d2f6a0c7b11")
PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
COLLECTION_PERMISSIONS = {
    "wagtailimages": ["add_image", "change_image", "choose_image"],
    "wagtaildocs": ["add_document", "change_document", "choose_document"],
}
CALLOUTS = {"tip", "note", "warning"}


def key_for(name: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, name)


class Command(BaseCommand):
    help = "Load the training site's starting content in Finnish and Swedish (idempotent)."

    @transaction.atomic
    def handle(self, *args, **options):
        self.locales = {
            code: Locale.objects.get_or_create(language_code=code)[0]
            for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
        }
        vocabulary.ensure_topics(Topic)
        self.topics = {topic.code: topic for topic in Topic.objects.all()}
        self.created = []  # (page, body spec) still to fill once every page exists, so links resolve
        self.pages = {}  # (key, language) -> page

        homes = {
            lang: self._page(Page.get_first_root_node(), TrainingHomePage, "home", lang, HOME[lang])
            for lang in LANGUAGES
        }
        for section in SECTIONS:
            for lang in LANGUAGES:
                parent = self._page(homes[lang], TrainingIndexPage, section["key"], lang, section[lang])
                for spec in section["pages"]:
                    self._page(parent, TrainingPage, spec["key"], lang, spec[lang], spec)
        for lang in LANGUAGES:
            glossary = self._page(homes[lang], GlossaryPage, GLOSSARY_PAGE["key"], lang, GLOSSARY_PAGE[lang])
            if not glossary.terms.exists():
                self._fill_glossary(glossary, lang)
        for page, spec, lang in self.created:
            if isinstance(page, TrainingPage):
                page.body = json.dumps(self._body(page, spec[lang]["body"], lang))
            page.save_revision().publish()

        self._point_site_at(homes["fi"])
        self._grant_editor_rights(homes.values())
        self.stdout.write(f"Training pages: {len(self.created)} created, {len(self.pages) - len(self.created)} kept.")

    def _page(self, parent, model, key, lang, texts, spec=None):
        translation_key = key_for(key)
        page = model.objects.filter(translation_key=translation_key, locale=self.locales[lang]).first()
        if page is None:
            page = model(
                title=texts["title"],
                slug=texts["slug"],
                translation_key=translation_key,
                locale=self.locales[lang],
                live=False,
            )
            if model is TrainingPage:
                page.intro = texts["intro"]
                page.principles = [self.topics[code] for code in spec["principles"]]
                page.stages = [self.topics[code] for code in spec["stages"]]
                page.fidelity_items = [self.topics[code] for code in spec["items"]]
            else:
                page.intro = f"<p>{texts['intro']}</p>"
            parent.add_child(instance=page)
            self.created.append((page, spec, lang))
        self.pages[(key, lang)] = page
        return page

    def _body(self, page, spec, lang):
        blocks = []
        for n, (kind, *args) in enumerate(spec):
            block_id = str(uuid.uuid5(page.translation_key, f"{lang}-{n}"))
            if kind == "h2":
                blocks.append(("heading", {"text": args[0], "level": "h2"}))
            elif kind == "p":
                blocks.append(("paragraph", f"<p>{args[0]}</p>"))
            elif kind in CALLOUTS:
                blocks.append(("callout", {"kind": kind, "text": f"<p>{args[0]}</p>"}))
            elif kind == "list":
                blocks.append(("checklist", {"title": args[0], "points": list(args[1])}))
            elif kind == "item":
                blocks.append(("fidelity_item", {"code": args[0], "text": ""}))
            elif kind == "link":
                blocks.append(("page_link", {"page": self.pages[(args[0], lang)].pk, "text": ""}))
            else:
                raise ValueError(f"Unknown block kind {kind!r} in the seed of {page.title}")
            blocks[-1] = {"type": blocks[-1][0], "value": blocks[-1][1], "id": block_id}
        return blocks

    def _fill_glossary(self, glossary, lang):
        for order, (term, swedish, explanation_fi, explanation_sv) in enumerate(GLOSSARY):
            GlossaryTerm.objects.create(
                page=glossary,
                sort_order=order,
                term=term,
                equivalent=swedish if lang == "sv" else "",
                explanation=explanation_sv if lang == "sv" else explanation_fi,
            )

    def _point_site_at(self, home):
        """/training/ serves the training home; the reader's language picks its translation."""
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site(hostname="localhost", port=80, is_default_site=True)
        # Wagtail's stock welcome page stays in the tree (unreachable once the site points here): deleting it
        # would leave log rows pointing nowhere, and a restore into a freshly migrated database recreates it anyway.
        site.root_page = home
        site.site_name = "Polku"
        site.save()
        Site.clear_site_root_paths_cache()

    def _grant_editor_rights(self, homes):
        group, _ = Group.objects.get_or_create(name=CONTENT_EDITORS_GROUP)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin"),
            *Permission.objects.filter(content_type__app_label="simple_translation", codename="submit_translation"),
        )
        page_permissions = Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=PAGE_PERMISSIONS
        )
        for home in homes:
            for permission in page_permissions:
                GroupPagePermission.objects.get_or_create(group=group, page=home, permission=permission)
        collection = Collection.get_first_root_node()
        for app_label, codenames in COLLECTION_PERMISSIONS.items():
            for permission in Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames):
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=collection, permission=permission
                )
