"""The CMS's document upload form, checking that a file's content is what its extension claims."""

import codecs
from pathlib import Path

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

# The first bytes of each allowed document type (settings.WAGTAILDOCS_EXTENSIONS); Office and OpenDocument files
# are zip archives. Wagtail itself checks only the extension, so a renamed program or web page would pass.
SIGNATURES = {
    "pdf": b"%PDF-",
    "docx": b"PK\x03\x04",
    "xlsx": b"PK\x03\x04",
    "pptx": b"PK\x03\x04",
    "odt": b"PK\x03\x04",
}
TEXT_SAMPLE = 64 * 1024


def _looks_like_text(sample: bytes) -> bool:
    if b"\x00" in sample:
        return False
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
    except UnicodeDecodeError:
        return False
    return True


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        file = self.cleaned_data.get("file")
        if not isinstance(file, UploadedFile):
            return file  # no new upload (editing the title) or already refused
        extension = Path(file.name).suffix.lower().lstrip(".")
        file.seek(0)
        sample = file.read(TEXT_SAMPLE)
        file.seek(0)
        signature = SIGNATURES.get(extension)
        matches = sample.startswith(signature) if signature else extension != "txt" or _looks_like_text(sample)
        if not matches:
            raise forms.ValidationError(
                _("The content of this file is not a .%(extension)s document. Upload the original file."),
                code="content_mismatch",
                params={"extension": extension},
            )
        return file
