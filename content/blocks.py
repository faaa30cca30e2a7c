"""The building blocks of a training page body."""

from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from content.vocabulary import FIDELITY_ITEMS

# Videos are served by us as Wagtail documents: no third-party players, cookies or trackers in the reading site,
# and the content-security policy keeps allowing only our own origin.
VIDEO_EXTENSIONS = ("mp4", "webm")
CAPTION_EXTENSIONS = ("vtt",)
RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading")), ("h3", _("Subheading"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "content/blocks/heading.html"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[("tip", _("Tip")), ("note", _("Note")), ("warning", _("Remember"))],
        default="tip",
    )
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Callout or tip")
        template = "content/blocks/callout.html"


class ChecklistBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=120)
    points = blocks.ListBlock(blocks.CharBlock(label=_("Item"), max_length=300), label=_("Items"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Checklist")
        template = "content/blocks/checklist.html"


class FigureBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("What the image shows, for readers who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "content/blocks/figure.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"), required=False, max_length=200, help_text=_("Leave empty to use the document's title.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Document download")
        template = "content/blocks/document.html"


def _extension(document) -> str:
    return document.file_extension.lower() if document else ""


class VideoBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    video = DocumentChooserBlock(label=_("Video file"), help_text=_("An MP4 or WebM file uploaded as a document."))
    captions = DocumentChooserBlock(
        label=_("Captions"), required=False, help_text=_("A WebVTT (.vtt) caption file uploaded as a document.")
    )
    transcript = blocks.TextBlock(label=_("Transcript"), required=False)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "content/blocks/video.html"

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if _extension(value["video"]) not in VIDEO_EXTENSIONS:
            errors["video"] = ValidationError(_("Choose an MP4 or WebM file."))
        if value["captions"] and _extension(value["captions"]) not in CAPTION_EXTENSIONS:
            errors["captions"] = ValidationError(_("Choose a WebVTT (.vtt) file."))
        if not value["captions"] and not value["transcript"].strip():
            errors["transcript"] = ValidationError(
                _("Add captions or a transcript so that everyone can follow the video.")
            )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


def fidelity_item_url(code: str) -> str | None:
    """The fidelity app's page for an item, if that app provides one (content may not import fidelity)."""
    for kwargs in ({"code": code}, {"item_code": code}):
        try:
            return reverse("fidelity:item_detail", kwargs=kwargs)
        except NoReverseMatch:
            continue
    try:
        return reverse("fidelity:item_detail", args=[code])
    except NoReverseMatch:
        return None


class FidelityItemBlock(blocks.StructBlock):
    code = blocks.ChoiceBlock(
        label=_("Fidelity item"), choices=[(code, f"{code} {en}") for code, _fi, _sv, en in FIDELITY_ITEMS]
    )
    text = blocks.CharBlock(label=_("Link text"), required=False, max_length=200)

    class Meta:
        icon = "tick-inverse"
        label = _("Link to a fidelity item")
        template = "content/blocks/fidelity_item.html"

    def get_context(self, value, parent_context=None):
        # Looked up by label: content.models builds its pages from these blocks, so blocks cannot import it.
        topic_model = apps.get_model("content", "Topic")
        context = super().get_context(value, parent_context)
        context["item_url"] = fidelity_item_url(value["code"])
        topic = topic_model.objects.filter(code=value["code"]).first()
        context["item_label"] = topic.label if topic else value["code"]
        return context


class TrainingPageLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("Training page"), page_type="content.TrainingPage")
    text = blocks.CharBlock(label=_("Link text"), required=False, max_length=200)

    class Meta:
        icon = "link"
        label = _("Link to a training page")
        template = "content/blocks/page_link.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        # A link chosen on the Finnish page leads a Swedish reader to the Swedish version when there is one.
        page = value["page"]
        context["target"] = page.localized if page else None
        return context


class TrainingBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"), features=RICH_TEXT_FEATURES, icon="pilcrow", template="content/blocks/paragraph.html"
    )
    callout = CalloutBlock()
    checklist = ChecklistBlock()
    image = FigureBlock()
    document = DocumentBlock()
    video = VideoBlock()
    fidelity_item = FidelityItemBlock()
    page_link = TrainingPageLinkBlock()
