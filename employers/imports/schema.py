"""What each kind of import takes: Polku's fields, the header names they go by, and how a cell becomes a value.

Header names are matched in Finnish, Swedish and English, and the template's own headers (the field's label in
each language) always match. Choice values are matched by their code or their label in any of the three
languages; what matches nothing is listed for the user to map or reject.
"""

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from employers.models import Employer, EmployerContact, ImportKind, Industry, Job
from ips.models import (
    ActivityKind,
    ClientLanguage,
    EducationLevel,
    Gender,
    LabourMarketStatus,
    Outcome,
    ReferralSource,
    ServiceType,
    Setting,
    Stage,
)

LANGUAGES = ("fi", "sv", "en")
# Excel counts days from 30.12.1899 (its 1900 leap-year bug included); serials in this range are 1955–2064.
EXCEL_EPOCH = date(1899, 12, 30)
SERIAL_RANGE = (20000, 60000)
_DATE_PATTERNS = (
    (re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})"), ("d", "m", "y")),
    (re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})"), ("d", "m", "y")),
    (re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?"), ("y", "m", "d")),
)
YES = {"kyllä", "k", "kylla", "x", "yes", "y", "ja", "j", "true", "1", "✓", "tosi", "sant"}
NO = {"ei", "e", "no", "n", "nej", "false", "0", "-", "epätosi", "falskt"}


@dataclass(frozen=True)
class Field:
    name: str
    label: object  # lazy text
    type: str = "text"  # text, date, int, decimal, bool, choice, client, employer, coach
    required: bool = False
    aliases: tuple[str, ...] = ()
    choices: object = None  # a TextChoices class, or a TranslatedName model

    def header(self, language: str) -> str:
        with translation.override(language):
            return str(self.label)

    def names(self) -> set[str]:
        """Every header this field goes by, casefolded."""
        return (
            {self.header(language).casefold() for language in LANGUAGES}
            | {a.casefold() for a in self.aliases}
            | {self.name.casefold()}
        )

    def options(self) -> list[tuple[str, str]]:
        """(code, label in the current language) of a choice field."""
        if isinstance(self.choices, type) and hasattr(self.choices, "objects"):
            return [(row.code, row.name) for row in self.choices.objects.filter(active=True)]
        return [(value, str(label)) for value, label in self.choices.choices]

    def matcher(self) -> dict[str, str]:
        """casefolded code or label in any language -> code."""
        found = {}
        if self.type == "bool":
            found.update(dict.fromkeys(YES, "true") | dict.fromkeys(NO, "false"))
            for language in LANGUAGES:
                with translation.override(language):
                    found[str(_("Yes")).casefold()] = "true"
                    found[str(_("No")).casefold()] = "false"
            return found
        if isinstance(self.choices, type) and hasattr(self.choices, "objects"):
            for row in self.choices.objects.all():
                for text in (row.code, row.name_fi, row.name_sv, row.name_en):
                    if text:
                        found[text.casefold()] = row.code
            return found
        for language in LANGUAGES:
            with translation.override(language):
                for value, label in self.choices.choices:
                    found[str(label).casefold()] = value
                    found[str(value).casefold()] = value
        return found


@dataclass(frozen=True)
class Kind:
    code: str
    fields: tuple[Field, ...]
    # The field a re-import matches rows on when its column is mapped (a client code, a business ID).
    natural_key: str = ""
    example: dict = field(default_factory=dict)

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    def known_headers(self) -> set[str]:
        return set().union(*(f.names() for f in self.fields))


DATE, COACH = "date", "coach"
CLIENT_CODE = Field("client", _("Client code"), "client", aliases=("asiakaskoodi", "klientkod", "koodi", "code"))
COACH_FIELD = Field(
    COACH,
    _("Coach"),
    COACH,
    required=True,
    aliases=("työhönvalmentaja", "valmentaja", "ohjaaja", "jobbcoach", "arbetskonsulent", "employment specialist"),
)
EMPLOYER_FIELD = Field(
    "employer",
    _("Employer"),
    "employer",
    required=True,
    aliases=("työnantaja", "yritys", "arbetsgivare", "företag", "company", "y-tunnus", "business id"),
)
DATE_FIELD = Field(DATE, _("Date"), DATE, required=True, aliases=("pvm", "päivämäärä", "päivä", "datum", "day"))

CLIENTS = Kind(
    ImportKind.CLIENTS,
    (
        Field("code", _("Pseudonym code"), aliases=("asiakaskoodi", "koodi", "klientkod", "kod", "client code", "id")),
        Field("first_name", _("First name"), required=True, aliases=("etunimi", "förnamn", "first")),
        Field("last_name", _("Last name"), required=True, aliases=("sukunimi", "efternamn", "surname", "last")),
        Field(COACH, _("Coach"), COACH, aliases=COACH_FIELD.aliases),
        Field("stage", _("Stage"), "choice", aliases=("vaihe", "skede", "fas", "polun vaihe"), choices=Stage),
        Field(
            "programme_entry",
            _("Programme entry"),
            DATE,
            aliases=("aloitus", "aloituspäivä", "alkupvm", "palveluun tulo", "startdatum", "start date", "entry"),
        ),
        Field("service_type", _("Service"), "choice", aliases=("palvelu", "tjänst"), choices=ServiceType),
        Field("service_started", _("Service started"), DATE, aliases=("palvelu alkoi", "tjänsten började")),
        Field("service_ended", _("Service ended"), DATE, aliases=("palvelu päättyi", "tjänsten slutade")),
        Field(
            "source",
            _("Referral source"),
            "choice",
            aliases=("lähettäjä", "lähettävä taho", "ohjautui", "ohjaaja taho", "remitterande", "remiss", "source"),
            choices=ReferralSource,
        ),
        Field("birth_year", _("Birth year"), "int", aliases=("syntymävuosi", "synt.vuosi", "födelseår", "born")),
        Field("gender", _("Gender"), "choice", aliases=("sukupuoli", "kön", "sex"), choices=Gender),
        Field("municipality", _("Municipality"), aliases=("kunta", "kotikunta", "kommun", "hemkommun")),
        Field("language", _("Language"), "choice", aliases=("kieli", "äidinkieli", "språk"), choices=ClientLanguage),
        Field(
            "labour_market_status",
            _("Labour-market status at entry"),
            "choice",
            aliases=("työmarkkina-asema", "arbetsmarknadsställning"),
            choices=LabourMarketStatus,
        ),
        Field(
            "education_level",
            _("Education level at entry"),
            "choice",
            aliases=("koulutus", "koulutustaso", "utbildning", "education"),
            choices=EducationLevel,
        ),
        Field(
            "consent_given_on",
            _("Consent given on"),
            DATE,
            aliases=("suostumus", "suostumus annettu", "samtycke", "consent"),
        ),
        Field("closed_on", _("Closure date"), DATE, aliases=("päättynyt", "päättymispäivä", "avslutad", "closed")),
        Field("outcome", _("Outcome"), "choice", aliases=("tulos", "jatkopolku", "resultat"), choices=Outcome),
    ),
    natural_key="code",
    example={
        "first_name": "Maija",
        "last_name": "Meikäläinen",
        "stage": Stage.JOB_FINDING,
        "programme_entry": date(2025, 3, 3),
        "source": "kela",
        "birth_year": 1990,
        "gender": Gender.FEMALE,
        "municipality": "Vaasa",
        "language": "fi",
        "consent_given_on": date(2025, 3, 3),
    },
)

EMPLOYERS = Kind(
    ImportKind.EMPLOYERS,
    (
        Field("name", _("Name"), required=True, aliases=("nimi", "työnantaja", "yritys", "namn", "arbetsgivare")),
        Field("business_id", _("Business ID"), aliases=("y-tunnus", "ytunnus", "fo-nummer", "business id", "fo nr")),
        Field("industry", _("Industry"), "choice", aliases=("toimiala", "bransch", "tol"), choices=Industry),
        Field("municipality", _("Municipality"), aliases=("kunta", "paikkakunta", "kommun", "ort")),
        Field("address", _("Address"), aliases=("osoite", "katuosoite", "adress")),
        Field("status", _("Relationship"), "choice", aliases=("suhde", "tila", "relation"), choices=Employer.Status),
        Field("notes", _("Notes"), aliases=("muistiinpanot", "huom", "lisätiedot", "anteckningar")),
    ),
    natural_key="business_id",
    example={"name": "Kauppa Oy", "business_id": "0112038-9", "industry": "G", "municipality": "Vaasa"},
)

CONTACTS = Kind(
    ImportKind.CONTACTS,
    (
        DATE_FIELD,
        COACH_FIELD,
        EMPLOYER_FIELD,
        Field("minutes", _("Minutes"), "int", required=True, aliases=("minuutit", "kesto", "min", "minuter")),
        Field(
            "purpose",
            _("Purpose"),
            "choice",
            required=True,
            aliases=("tarkoitus", "syy", "käynnin tarkoitus", "syfte"),
            choices=EmployerContact.Purpose,
        ),
        Field("face_to_face", _("Face to face"), "bool", aliases=("kasvokkain", "tapaaminen", "personligen")),
        CLIENT_CODE,
        Field(
            "matches_client_preferences",
            _("Matches the client's preferences"),
            "bool",
            aliases=("asiakkaan toiveiden mukainen", "toiveiden mukainen", "enligt önskemål"),
        ),
        Field("outcome", _("Outcome"), aliases=("tulos", "lopputulos", "resultat")),
        Field("next_step", _("Next step"), aliases=("seuraava askel", "jatko", "nästa steg")),
        Field("next_step_on", _("Next step on"), DATE, aliases=("seuraava pvm", "nästa steg datum")),
    ),
    example={
        DATE: date(2025, 5, 12),
        "minutes": 45,
        "purpose": EmployerContact.Purpose.FIRST_MEETING,
        "face_to_face": "true",
    },
)

JOBS = Kind(
    ImportKind.JOBS,
    (
        Field("client", _("Client code"), "client", required=True, aliases=CLIENT_CODE.aliases),
        EMPLOYER_FIELD,
        Field("title", _("Job title"), required=True, aliases=("tehtävä", "ammatti", "nimike", "befattning", "titel")),
        Field(
            "occupation_code",
            _("Occupation code"),
            required=True,
            aliases=("ammattikoodi", "ammattiluokka", "yrkeskod", "isco"),
        ),
        Field("start_date", _("Start date"), DATE, required=True, aliases=("alkoi", "alkupvm", "aloitus", "början")),
        Field("end_date", _("End date"), DATE, aliases=("päättyi", "loppupvm", "slut")),
        Field(
            "hours_per_week",
            _("Hours per week"),
            "decimal",
            required=True,
            aliases=("tuntia viikossa", "viikkotunnit", "h/vko", "timmar per vecka"),
        ),
        Field("hourly_wage", _("Hourly wage (€)"), "decimal", aliases=("tuntipalkka", "palkka", "timlön")),
        Field(
            "contract_type",
            _("Contract type"),
            "choice",
            required=True,
            aliases=("työsuhde", "sopimus", "anställningsform"),
            choices=Job.ContractType,
        ),
        Field("competitive", _("Competitive job"), "bool", aliases=("avoimet työmarkkinat", "kilpailtu")),
        Field("wage_subsidy", _("Wage subsidy (palkkatuki)"), "bool", aliases=("palkkatuki", "lönesubvention")),
        Field("end_reason", _("End reason"), "choice", aliases=("päättymisen syy", "orsak"), choices=Job.EndReason),
    ),
    example={
        "title": "Myyjä",
        "occupation_code": "5223",
        "start_date": date(2025, 6, 2),
        "hours_per_week": "20",
        "contract_type": Job.ContractType.FIXED_TERM,
        "competitive": "true",
        "wage_subsidy": "false",
    },
)

TIME_ENTRIES = Kind(
    ImportKind.TIME_ENTRIES,
    (
        DATE_FIELD,
        COACH_FIELD,
        Field("minutes", _("Minutes"), "int", aliases=("minuutit", "min", "minuter", "kesto (min)")),
        Field("hours", _("Hours"), "decimal", aliases=("tunnit", "tuntia", "h", "timmar")),
        Field(
            "kind",
            _("Activity"),
            "choice",
            required=True,
            aliases=("toiminto", "tehtävä", "työtehtävä", "laji", "aktivitet", "kind"),
            choices=ActivityKind,
        ),
        Field(
            "setting",
            _("Setting"),
            "choice",
            aliases=("paikka", "ympäristö", "missä", "plats", "miljö"),
            choices=Setting,
        ),
        CLIENT_CODE,
        Field("note", _("Note"), aliases=("huom", "muistiinpano", "kommentti", "anteckning")),
    ),
    example={DATE: date(2025, 5, 12), "minutes": 60, "kind": "client_meeting", "setting": Setting.COMMUNITY},
)

KINDS = {kind.code: kind for kind in (CLIENTS, EMPLOYERS, CONTACTS, JOBS, TIME_ENTRIES)}


def guess_columns(kind: Kind, headers: list[str]) -> dict[str, str]:
    """field name -> header, for the headers that name a field; each header used once, the first field wins."""
    taken, mapping = set(), {}
    for spec in kind.fields:
        names = spec.names()
        for header in headers:
            if header not in taken and header.casefold() in names:
                mapping[spec.name] = header
                taken.add(header)
                break
    return mapping


def as_date(value):
    """A date from a date cell, an Excel serial number, 31.12.2025, 31/12/2025 or 2025-12-31; else the value."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool) and SERIAL_RANGE[0] <= value <= SERIAL_RANGE[1]:
        return EXCEL_EPOCH + timedelta(days=int(value))
    text = str(value).strip()
    if text.isdigit() and SERIAL_RANGE[0] <= int(text) <= SERIAL_RANGE[1]:
        return EXCEL_EPOCH + timedelta(days=int(text))
    for pattern, order in _DATE_PATTERNS:
        match = pattern.fullmatch(text)
        if match:
            parts = dict(zip(order, map(int, match.groups()), strict=True))
            try:
                return date(parts["y"], parts["m"], parts["d"])
            except ValueError:
                return text
    return text


def as_number(value) -> str:
    """A number as a form takes it: a decimal comma becomes a point, 90.0 becomes 90."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).strip().replace("\u00a0", "").replace(" ", "")
    if re.fullmatch(r"-?\d+,\d+", text):
        text = text.replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        return text
    return str(int(number)) if number == number.to_integral_value() and "." in text and "e" not in text else text


def as_text(value) -> str:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
