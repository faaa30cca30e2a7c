import pytest

from fidelity.models import FidelityScale, ScaleItem

pytestmark = pytest.mark.django_db

CODES = ["S1", "S2", "S3", *(f"O{n}" for n in range(1, 9)), *(f"V{n}" for n in range(1, 15))]


def test_the_data_migration_loads_all_25_items_in_scale_order(scale):
    assert list(scale.items.order_by("order").values_list("code", flat=True)) == CODES


def test_every_item_has_its_name_measure_and_five_anchors_in_finnish_swedish_and_english(scale):
    fields = ["name", "measures", *(f"anchor_{n}" for n in range(1, 6))]
    for item in scale.items.all():
        for field in fields:
            for language in ("fi", "sv", "en"):
                assert getattr(item, f"{field}_{language}").strip(), f"{item.code} {field}_{language} is empty"


def test_the_languages_are_really_different_texts(scale):
    item = scale.items.get(code="S3")
    assert len({item.name_fi, item.name_sv, item.name_en}) == 3


def test_the_scale_has_three_sections_and_the_bands_as_data(scale):
    assert list(scale.sections.values_list("code", flat=True)) == ["S", "O", "V"]
    assert dict(scale.bands.values_list("code", "min_total")) == {
        "exemplary": 115,
        "good": 100,
        "fair": 74,
        "not_ips": 0,
    }


@pytest.mark.parametrize(
    ("code", "score", "text"),
    [
        ("S1", 5, "20"),
        ("S1", 1, "41"),
        ("S2", 5, "96"),
        ("V4", 5, "30"),
        ("V4", 1, "271"),
        ("V6", 5, "6"),
        ("V10", 1, "10"),
        ("V13", 4, "50–64"),
        ("V13", 5, "65"),
    ],
)
def test_the_anchors_keep_the_numeric_thresholds_in_every_language(scale, code, score, text):
    item = scale.items.get(code=code)
    for language in ("fi", "sv", "en"):
        assert text in getattr(item, f"anchor_{score}_{language}")


def test_every_item_names_its_evidence_sources(scale):
    for item in scale.items.all():
        assert item.evidence_sources
        assert set(item.evidence_sources) <= {"MIS", "DOC", "INT", "OBS", "ISP"}


def test_the_items_computable_from_data_are_marked(scale):
    full = set(scale.items.filter(data_support=ScaleItem.DataSupport.FULL).values_list("code", flat=True))
    assert full == {"S1", "S2", "O1", "V4", "V5", "V6", "V8", "V9", "V10", "V12", "V13"}


def test_the_reader_gets_the_item_in_their_language(scale, settings):
    from django.utils import translation

    item = scale.items.get(code="V4")
    with translation.override("sv"):
        assert item.name == "Snabbt arbetssökande"
    with translation.override("fi"):
        assert item.name == "Nopea työnhaku"
    assert FidelityScale.objects.active().filter(pk=scale.pk).exists()
