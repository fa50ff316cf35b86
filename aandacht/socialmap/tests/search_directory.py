"""A Dutch test directory for the social map's search, and what to ask it.

Written by the team: invented organisations in two regions ("zuid" with
Eindhoven, Tilburg and Helmond; "noord" with Groningen, Assen and
Leeuwarden) and national lines. The phone numbers are public-style
organisation numbers; there is nothing about callers here.

``QUERIES`` pairs what a volunteer might type (typos, inflections,
synonyms, compound parts, accents, town names) with the service they are
looking for. The search target: the expected service in the top 3 for at
least 90% of them.

Services get fixed ids (uuid5 of their key), so ties in the ranking break
the same way in every run and on every database.
"""

from __future__ import annotations

import importlib
import uuid
from collections.abc import Mapping
from dataclasses import dataclass

from aandacht.core.models import Region
from aandacht.socialmap.models import (
    Address,
    Attribute,
    Location,
    Organization,
    Phone,
    Service,
    ServiceArea,
    ServiceAtLocation,
    Synonym,
    Taxonomy,
    TaxonomyTerm,
)

_NAMESPACE = uuid.UUID("6f1d3c8e-4b7a-4e55-9a4b-5c0d2f1e9a10")


def service_id(key: str) -> uuid.UUID:
    return uuid.uuid5(_NAMESPACE, f"service:{key}")


@dataclass(frozen=True)
class Entry:
    key: str
    name: str
    organisation: str
    description: str
    region: str | None  # "zuid", "noord", or None for a national service
    city: str = ""
    eligibility: str = ""
    alternate_name: str = ""
    terms: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()
    phone: str = ""


ENTRIES: tuple[Entry, ...] = (
    Entry(
        "ggz_crisis_zuid",
        "GGZ Crisisdienst Zuidoost-Brabant",
        "Stichting GGZ Kempenland",
        "Spoedeisende hulp bij ernstige psychische problemen, dag en nacht. "
        "Bereikbaar via de huisarts of de huisartsenpost.",
        "zuid",
        "Eindhoven",
        terms=("Geestelijke gezondheidszorg", "Crisisdienst"),
        areas=("Eindhoven", "Helmond", "Veldhoven"),
        phone="088-1234500",
    ),
    Entry(
        "ggz_crisis_noord",
        "Crisisdienst Groningen",
        "Lentis-Noord Zorggroep",
        "Acute psychiatrische hulp in de nacht en het weekend, na verwijzing "
        "door huisarts, politie of spoedeisende hulp.",
        "noord",
        "Groningen",
        terms=("Geestelijke gezondheidszorg", "Crisisdienst"),
        areas=("Groningen",),
        phone="088-2345600",
    ),
    Entry(
        "cggz_groningen",
        "Centrum voor Geestelijke Gezondheidszorg Groningen",
        "Stichting Veerkracht Noord",
        "Behandeling bij angst, depressie en trauma. Aanmelden via de huisarts.",
        "noord",
        "Groningen",
        eligibility="Volwassenen met een verwijzing",
        terms=("Geestelijke gezondheidszorg",),
        areas=("Groningen", "Haren"),
        phone="050-3111222",
    ),
    Entry(
        "levenslijn_113",
        "Zelfmoordpreventielijn 113",
        "Stichting Levenslijn",
        "Anoniem praten met een hulpverlener als je aan de dood denkt. "
        "Dag en nacht bereikbaar, ook via chat.",
        None,
        terms=("Crisisdienst", "Geestelijke gezondheidszorg"),
        phone="0800-0113",
    ),
    Entry(
        "luisterpunt",
        "Luisterpunt",
        "Vereniging Luisterpunt Nederland",
        "Een luisterend oor, dag en nacht. Anoniem bellen of chatten met een "
        "getrainde vrijwilliger over alles wat je bezighoudt.",
        None,
        alternate_name="Luisterend oor aan de telefoon",
        terms=("Eenzaamheid", "Luisterlijn"),
        phone="0900-7654321",
    ),
    Entry(
        "nachtlijn_zuid",
        "Nachtlijn Zuid",
        "Stichting Nachtlijn",
        "Telefonische hulpdienst voor wie 's nachts niet kan slapen van zorgen. "
        "Anoniem, van tien uur 's avonds tot zes uur 's ochtends.",
        "zuid",
        "Tilburg",
        terms=("Luisterlijn",),
        phone="0900-1122334",
    ),
    Entry(
        "amw_eindhoven",
        "Algemeen maatschappelijk werk Eindhoven",
        "Welzijn Eindhoven Samen",
        "Hulp bij problemen met geld, wonen, relaties of opvoeding. Gratis, "
        "zonder verwijzing.",
        "zuid",
        "Eindhoven",
        terms=("Maatschappelijk werk",),
        areas=("Eindhoven",),
        phone="040-2190000",
    ),
    Entry(
        "amw_groningen",
        "Maatschappelijk werk Groningen-Stad",
        "Stichting Wij Groningen",
        "Sociaal werkers denken mee bij scheiding, geldzorgen en opvoedvragen.",
        "noord",
        "Groningen",
        terms=("Maatschappelijk werk",),
        areas=("Groningen",),
        phone="050-3678900",
    ),
    Entry(
        "buurtcentrum_tilburg",
        "Buurtcentrum De Poort",
        "Stichting Buurtwerk Tilburg",
        "Inloop met koffie, activiteiten voor buurtbewoners en een eettafel op "
        "dinsdag.",
        "zuid",
        "Tilburg",
        terms=("Ontmoeting",),
        areas=("Tilburg",),
        phone="013-4560000",
    ),
    Entry(
        "wijkcentrum_assen",
        "Wijkcentrum Het Anker",
        "Stichting Welzijn Assen",
        "Ontmoetingsplek met een bibliotheekhoek, handwerkclub en computerles.",
        "noord",
        "Assen",
        terms=("Ontmoeting",),
        areas=("Assen",),
        phone="0592-310000",
    ),
    Entry(
        "mantelzorgsteunpunt",
        "Mantelzorgsteunpunt Helmond",
        "Stichting Zorg Samen Helmond",
        "Advies, respijtzorg en lotgenotencontact voor wie zorgt voor een "
        "zieke partner, ouder of kind.",
        "zuid",
        "Helmond",
        terms=("Mantelzorg",),
        areas=("Helmond",),
        phone="0492-500000",
    ),
    Entry(
        "rouwgroep",
        "Rouwverwerkingsgroep Na het Afscheid",
        "Stichting Na het Afscheid",
        "Acht bijeenkomsten in een kleine groep voor volwassenen die een "
        "dierbare hebben verloren.",
        "zuid",
        "Eindhoven",
        terms=("Rouw en verlies", "Lotgenotencontact"),
        areas=("Eindhoven",),
        phone="040-2223344",
    ),
    Entry(
        "schuldhulp_tilburg",
        "Schuldhulpverlening gemeente Tilburg",
        "Gemeente Tilburg",
        "Hulp bij schulden: budgetcoaching, een schuldregeling en "
        "ondersteuning bij betalingsachterstanden.",
        "zuid",
        "Tilburg",
        terms=("Schulden en geld",),
        areas=("Tilburg",),
        phone="14 013",
    ),
    Entry(
        "geldfit_groningen",
        "Geldfit-spreekuur Groningen",
        "Stichting Geldwijzer Noord",
        "Geldzorgen? Kom naar het gratis spreekuur; een vrijwilliger zet je "
        "administratie op een rij.",
        "noord",
        "Groningen",
        terms=("Schulden en geld",),
        areas=("Groningen",),
    ),
    Entry(
        "formulierenbrigade",
        "Formulierenbrigade Eindhoven",
        "Welzijn Eindhoven Samen",
        "Vrijwilligers helpen met formulieren, toeslagen en brieven van instanties.",
        "zuid",
        "Eindhoven",
        terms=("Praktische hulp",),
        areas=("Eindhoven",),
        phone="040-2190010",
    ),
    Entry(
        "huisartsenpost",
        "Huisartsenpost Eindhoven",
        "Huisartsen Coöperatie Zuidoost",
        "Voor dringende medische zorg 's avonds, 's nachts en in het weekend. "
        "Bel eerst.",
        "zuid",
        "Eindhoven",
        terms=("Huisartsenzorg",),
        areas=("Eindhoven", "Veldhoven"),
        phone="0900-8861",
    ),
    Entry(
        "zilverdraad",
        "Zilverdraad belcirkel",
        "Stichting Zilverdraad",
        "Elke week een telefoontje van een vaste vrijwilliger voor ouderen die "
        "zich eenzaam voelen.",
        None,
        eligibility="Voor mensen van 65 jaar en ouder",
        terms=("Eenzaamheid", "Ouderen"),
        phone="0800-5005",
    ),
    Entry(
        "ouderenvereniging",
        "Ouderenvereniging De Linde",
        "Vereniging De Linde Tilburg",
        "Activiteiten, hulp bij de belastingaangifte en een klussendienst voor leden.",
        "zuid",
        "Tilburg",
        eligibility="Voor vijftigplussers",
        terms=("Ouderen",),
        areas=("Tilburg",),
    ),
    Entry(
        "huisbezoek_senioren",
        "Huisbezoek Zilveren Kracht",
        "Stichting Zilveren Kracht",
        "Vrijwilligers komen op bezoek bij senioren thuis voor een praatje en "
        "een wandeling.",
        "noord",
        "Assen",
        terms=("Ouderen", "Eenzaamheid"),
        areas=("Assen",),
    ),
    Entry(
        "taalcafe",
        "Taalcafé De Brug",
        "Bibliotheek Helmond-Peel",
        "Nederlands oefenen in een ontspannen sfeer, elke woensdagmiddag.",
        "zuid",
        "Helmond",
        terms=("Taal en inburgering",),
        areas=("Helmond",),
    ),
    Entry(
        "buddyproject",
        "Buddyproject Samen Verder",
        "Stichting Samen Verder",
        "Een buddy voor mensen met een psychische kwetsbaarheid, om samen "
        "dingen te ondernemen.",
        "noord",
        "Groningen",
        terms=("Vrijwilligerswerk", "Geestelijke gezondheidszorg"),
        areas=("Groningen",),
    ),
    Entry(
        "thuisadministratie",
        "Thuisadministratie Menslievend",
        "Vereniging Menslievend",
        "Een getrainde vrijwilliger komt thuis helpen om de post en de "
        "rekeningen bij te houden.",
        "noord",
        "Leeuwarden",
        terms=("Schulden en geld", "Praktische hulp"),
        areas=("Leeuwarden",),
    ),
    Entry(
        "voedselbank",
        "Voedselbank Eindhoven-Oost",
        "Stichting Voedselbank Eindhoven",
        "Elke week een gratis pakket met boodschappen voor huishoudens die "
        "rond moeten komen van te weinig geld.",
        "zuid",
        "Eindhoven",
        terms=("Voedsel",),
        areas=("Eindhoven",),
    ),
    Entry(
        "jongerenwerk",
        "Jongerenwerk Tilburg-West",
        "Stichting Buurtwerk Tilburg",
        "Jongerenwerkers op straat en in het jongerencentrum, voor vragen over "
        "school, werk en thuis.",
        "zuid",
        "Tilburg",
        eligibility="Jongeren van 12 tot 23 jaar",
        terms=("Jongeren",),
        areas=("Tilburg",),
    ),
    Entry(
        "praatlijn_jongeren",
        "Praatlijn voor jongeren",
        "Stichting Jong Gehoord",
        "Anoniem chatten over pesten, thuis, verliefdheid of je zorgen. "
        "Elke dag van twee uur 's middags tot tien uur 's avonds.",
        None,
        eligibility="Tot 25 jaar",
        terms=("Jongeren", "Luisterlijn"),
        phone="0800-0432",
    ),
    Entry(
        "meldpunt_geweld",
        "Meldpunt Huiselijk Geweld Zuid",
        "Stichting Veilig Thuis Brabant",
        "Advies en melding bij huiselijk geweld, ouderenmishandeling en "
        "kindermishandeling. Dag en nacht.",
        "zuid",
        "Eindhoven",
        terms=("Huiselijk geweld",),
        areas=("Eindhoven", "Tilburg", "Helmond"),
        phone="0800-2000",
    ),
    Entry(
        "verslavingszorg",
        "Verslavingszorg Noord, inloopspreekuur",
        "Stichting Verslavingszorg Noord",
        "Vrij inlopen met vragen over alcohol, drugs of gokken, voor jezelf of "
        "een naaste.",
        "noord",
        "Groningen",
        terms=("Verslaving",),
        areas=("Groningen",),
        phone="088-2343000",
    ),
    Entry(
        "samen_minder_alleen",
        "Samen Minder Alleen",
        "Gemeente Assen",
        "Aanpak van eenzaamheid in Assen: een bel- en bezoekdienst, "
        "wandelgroepen en een ontmoetingstafel.",
        "noord",
        "Assen",
        terms=("Eenzaamheid",),
        areas=("Assen",),
    ),
    Entry(
        "praathulp_zuid",
        "Praathulp Zuid",
        "Stichting Praathulp",
        "Kortdurende begeleiding door een praktijkondersteuner bij stress, "
        "somberheid of spanningen.",
        "zuid",
        "Eindhoven",
        terms=("Geestelijke gezondheidszorg",),
        areas=("Eindhoven", "Veldhoven"),
    ),
    Entry(
        "inloophuis_kanker",
        "Inloophuis De Boei",
        "Stichting De Boei",
        "Een huiskamer voor mensen met kanker en hun naasten: koffie, "
        "gesprekken en creatieve workshops.",
        "zuid",
        "Tilburg",
        terms=("Lotgenotencontact",),
        areas=("Tilburg",),
    ),
    Entry(
        "alzheimer_cafe",
        "Alzheimer Café Helmond",
        "Stichting Geheugensteun",
        "Elke maand een avond met uitleg en gesprek voor mensen met dementie en "
        "hun mantelzorgers.",
        "zuid",
        "Helmond",
        terms=("Mantelzorg", "Lotgenotencontact"),
        areas=("Helmond",),
    ),
    Entry(
        "wijkteam_helmond",
        "Wijkteam Helmond-Centrum",
        "Gemeente Helmond",
        "Eén loket voor vragen over zorg, welzijn, jeugd en werk.",
        "zuid",
        "Helmond",
        terms=("Welzijn",),
        areas=("Helmond",),
    ),
    Entry(
        "nachtopvang",
        "Nachtopvang De Herberg",
        "Stichting Onderdak Groningen",
        "Een bed, een douche en een maaltijd voor daklozen, elke avond vanaf "
        "negen uur.",
        "noord",
        "Groningen",
        terms=("Opvang",),
        areas=("Groningen",),
    ),
    Entry(
        "vluchtelingen_assen",
        "Vluchtelingenwerk spreekuur Assen",
        "Stichting Nieuwe Buren",
        "Hulp voor statushouders en vluchtelingen bij inburgering, post en "
        "gezinshereniging.",
        "noord",
        "Assen",
        terms=("Taal en inburgering",),
        areas=("Assen",),
    ),
    Entry(
        "slachtofferloket",
        "Slachtofferloket Zuid",
        "Stichting Slachtofferhulp Zuid",
        "Steun na een misdrijf, inbraak of verkeersongeluk, en hulp bij "
        "aangifte en schadevergoeding.",
        "zuid",
        "Eindhoven",
        terms=("Slachtofferhulp",),
        areas=("Eindhoven", "Tilburg", "Helmond"),
    ),
    Entry(
        "jonge_mantelzorgers",
        "Jonge mantelzorgers Groningen",
        "Stichting Wij Groningen",
        "Uitjes en een praatgroep voor kinderen en jongeren die thuis zorgen "
        "voor een ouder, broer of zus.",
        "noord",
        "Groningen",
        eligibility="Van 8 tot 24 jaar",
        terms=("Mantelzorg", "Jongeren"),
        areas=("Groningen",),
    ),
    Entry(
        "diaconie_leeuwarden",
        "Diaconale inloop De Herberg",
        "Diaconie Leeuwarden-Centrum",
        "Elke zaterdag koffie, soep en een luisterend oor in de kerkzaal.",
        "noord",
        "Leeuwarden",
        terms=("Ontmoeting",),
        areas=("Leeuwarden",),
    ),
)

#: (what a volunteer types, the service they are looking for, what it tests)
QUERIES: tuple[tuple[str, str, str], ...] = (
    ("eenzaamhied assen", "samen_minder_alleen", "typo"),
    ("maatschapelijk werk eindhoven", "amw_eindhoven", "typo"),
    ("huisartsepost", "huisartsenpost", "typo"),
    ("schuldhulpverlenning", "schuldhulp_tilburg", "typo"),
    ("vluchtelingewerk", "vluchtelingen_assen", "typo"),
    ("mantelzrog helmond", "mantelzorgsteunpunt", "typo"),
    ("gokverslaving", "verslavingszorg", "typo, compound"),
    ("rouwgroepen", "rouwgroep", "inflection, compound"),
    ("ouderen bezoek", "huisbezoek_senioren", "inflection"),
    ("oudere eenzaam", "zilverdraad", "inflection"),
    ("formulier hulp", "formulierenbrigade", "inflection"),
    ("jongerenwerker", "jongerenwerk", "inflection"),
    ("chatten jongeren", "praatlijn_jongeren", "inflection"),
    ("jonge mantelzorger", "jonge_mantelzorgers", "inflection"),
    ("ggz groningen", "cggz_groningen", "synonym"),
    ("psycholoog", "praathulp_zuid", "synonym"),
    ("suïcide", "levenslijn_113", "synonym, accent"),
    ("dokter nacht", "huisartsenpost", "synonym"),
    ("voedselpakket", "voedselbank", "synonym"),
    ("sociaal isolement assen", "samen_minder_alleen", "synonym phrase"),
    ("maatje psychisch", "buddyproject", "synonym"),
    ("geldzorgen groningen", "geldfit_groningen", "synonym"),
    ("rouw", "rouwgroep", "compound part"),
    ("groep verlies", "rouwgroep", "compound part, synonym"),
    ("steunpunt", "mantelzorgsteunpunt", "compound part"),
    ("mishandeling", "meldpunt_geweld", "compound part"),
    ("buurthuis tilburg", "buurtcentrum_tilburg", "compound parts, area"),
    ("cafe taal", "taalcafe", "accent, compound part"),
    ("alzheimer cafe", "alzheimer_cafe", "accent"),
    ("luisterend oor", "luisterpunt", "name"),
    ("113", "levenslijn_113", "number"),
    ("wijkteam helmond", "wijkteam_helmond", "area"),
    ("leeuwarden administratie", "thuisadministratie", "area, compound"),
    ("crisisdienst groningen", "ggz_crisis_noord", "area"),
    ("daklozen opvang", "nachtopvang", "inflection, compound part"),
    ("kanker inloophuis", "inloophuis_kanker", "name"),
    ("slachtoffer inbraak", "slachtofferloket", "compound part"),
    ("belastingaangifte ouderen", "ouderenvereniging", "compound, inflection"),
    ("nachtlijn", "nachtlijn_zuid", "name"),
    ("spoed psychische problemen eindhoven", "ggz_crisis_zuid", "several words"),
)

#: The regions of the directory, as the ``cast`` fixture names them.
REGION_NAMES = {"zuid": "Zuid", "noord": "Noord"}


def starting_synonyms() -> dict[str, list[str]]:
    """The synonym list the migration installs (tests skip migrations)."""
    module = importlib.import_module(
        "aandacht.socialmap.migrations.0003_starting_synonyms"
    )
    synonyms: dict[str, list[str]] = module.STARTING_SYNONYMS
    return synonyms


def build(regions: Mapping[str, Region]) -> dict[str, Service]:
    """Write the directory (and the starting synonyms); no reindex."""
    for synonym_term, synonyms in starting_synonyms().items():
        Synonym.objects.get_or_create(
            term=synonym_term, defaults={"synonyms": "\n".join(synonyms)}
        )
    taxonomy = Taxonomy.objects.create(name="Sociale kaart Aandacht")
    terms: dict[str, TaxonomyTerm] = {}
    organisations: dict[str, Organization] = {}
    services: dict[str, Service] = {}
    for entry in ENTRIES:
        region = regions[entry.region] if entry.region else None
        organisation = organisations.get(entry.organisation)
        if organisation is None:
            organisation = organisations[entry.organisation] = (
                Organization.objects.create(name=entry.organisation, region=region)
            )
        service = Service.objects.create(
            id=service_id(entry.key),
            organization=organisation,
            region=region,
            name=entry.name,
            alternate_name=entry.alternate_name,
            description=entry.description,
            eligibility_description=entry.eligibility,
        )
        services[entry.key] = service
        for term_name in entry.terms:
            term = terms.get(term_name)
            if term is None:
                term = terms[term_name] = TaxonomyTerm.objects.create(
                    taxonomy=taxonomy, name=term_name
                )
            Attribute.objects.create(link_id=service.id, taxonomy_term=term)
        for area in entry.areas:
            ServiceArea.objects.create(service=service, name=area)
        if entry.city:
            location = Location.objects.create(organization=organisation)
            Address.objects.create(location=location, city=entry.city)
            ServiceAtLocation.objects.create(service=service, location=location)
        if entry.phone:
            Phone.objects.create(service=service, number=entry.phone)
    return services


#: How the search ranks each query (top five: service, score rounded to six
#: decimals), the same on SQLite and PostgreSQL. Recorded from a run; when
#: the ranking is changed on purpose, record the new lists (the failing test
#: prints them).
RANKED: dict[str, list[tuple[str, float]]] = {
    "eenzaamhied assen": [
        ("samen_minder_alleen", 31.167619),
        ("huisbezoek_senioren", 18.403396),
        ("vluchtelingen_assen", 34.909166),
        ("wijkcentrum_assen", 20.945499),
        ("zilverdraad", 7.894842),
    ],
    "maatschapelijk werk eindhoven": [
        ("amw_eindhoven", 95.635012),
        ("amw_groningen", 64.638093),
        ("formulierenbrigade", 30.99692),
        ("voedselbank", 30.99692),
        ("huisartsenpost", 24.471252),
    ],
    "huisartsepost": [
        ("huisartsenpost", 5.585466),
        ("ggz_crisis_zuid", 1.594654),
        ("cggz_groningen", 1.036107),
        ("ggz_crisis_noord", 1.036107),
        ("thuisadministratie", 0.930911),
    ],
    "schuldhulpverlenning": [
        ("schuldhulp_tilburg", 28.061379),
        ("levenslijn_113", 1.047625),
    ],
    "vluchtelingewerk": [("vluchtelingen_assen", 24.553707)],
    "mantelzrog helmond": [
        ("mantelzorgsteunpunt", 47.982257),
        ("alzheimer_cafe", 34.101666),
        ("wijkteam_helmond", 34.92731),
        ("taalcafe", 16.544515),
        ("jonge_mantelzorgers", 10.396451),
    ],
    "gokverslaving": [("verslavingszorg", 26.518003)],
    "rouwgroepen": [
        ("rouwgroep", 23.976791),
        ("ggz_crisis_noord", 2.234187),
        ("jonge_mantelzorgers", 0.558547),
        ("samen_minder_alleen", 0.558547),
    ],
    "ouderen bezoek": [
        ("huisbezoek_senioren", 33.562291),
        ("ouderenvereniging", 25.53878),
        ("zilverdraad", 19.154085),
        ("jonge_mantelzorgers", 2.128232),
        ("mantelzorgsteunpunt", 2.128232),
    ],
    "oudere eenzaam": [
        ("zilverdraad", 35.445029),
        ("huisbezoek_senioren", 26.733056),
        ("samen_minder_alleen", 29.100689),
        ("ouderenvereniging", 25.53878),
        ("luisterpunt", 13.963666),
    ],
    "formulier hulp": [
        ("formulierenbrigade", 12.477421),
        ("praathulp_zuid", 12.375768),
        ("thuisadministratie", 8.839834),
        ("amw_eindhoven", 1.473306),
        ("ouderenvereniging", 1.473306),
    ],
    "jongerenwerker": [("jongerenwerk", 3.637586)],
    "chatten jongeren": [
        ("praatlijn_jongeren", 44.034542),
        ("jongerenwerk", 37.817901),
        ("jonge_mantelzorgers", 18.13187),
        ("wijkteam_helmond", 2.910069),
        ("luisterpunt", 2.590267),
    ],
    "jonge mantelzorger": [
        ("jonge_mantelzorgers", 59.408289),
        ("praatlijn_jongeren", 12.360739),
        ("mantelzorgsteunpunt", 24.866565),
        ("alzheimer_cafe", 12.433282),
        ("verslavingszorg", 5.212449),
    ],
    "ggz groningen": [
        ("cggz_groningen", 51.117154),
        ("ggz_crisis_noord", 35.361629),
        ("buddyproject", 18.08942),
        ("ggz_crisis_zuid", 50.926206),
        ("jonge_mantelzorgers", 32.817198),
    ],
    "psycholoog": [
        ("praathulp_zuid", 40.740965),
        ("luisterpunt", 21.386984),
        ("praatlijn_jongeren", 11.170933),
        ("inloophuis_kanker", 2.376332),
        ("alzheimer_cafe", 2.376332),
    ],
    "suïcide": [("levenslijn_113", 29.100689)],
    "dokter nacht": [
        ("huisartsenpost", 25.490537),
        ("ggz_crisis_zuid", 4.103553),
        ("ggz_crisis_noord", 3.799435),
        ("nachtlijn_zuid", 16.235877),
        ("nachtopvang", 10.363326),
    ],
    "voedselpakket": [("voedselbank", 40.740965)],
    "sociaal isolement assen": [
        ("samen_minder_alleen", 81.474156),
        ("huisbezoek_senioren", 33.978255),
        ("zilverdraad", 26.06551),
        ("luisterpunt", 22.341866),
        ("vluchtelingen_assen", 34.909166),
    ],
    "maatje psychisch": [
        ("buddyproject", 23.340897),
        ("ggz_crisis_zuid", 2.970414),
        ("formulierenbrigade", 1.470624),
        ("zilverdraad", 1.470624),
        ("thuisadministratie", 1.470624),
    ],
    "geldzorgen groningen": [
        ("geldfit_groningen", 38.341597),
        ("amw_groningen", 35.787612),
        ("jonge_mantelzorgers", 35.020972),
        ("cggz_groningen", 30.507494),
        ("ggz_crisis_noord", 28.782802),
    ],
    "rouw": [("rouwgroep", 43.651034)],
    "groep verlies": [
        ("rouwgroep", 51.211771),
        ("ggz_crisis_noord", 5.585466),
        ("jonge_mantelzorgers", 1.396367),
        ("samen_minder_alleen", 1.396367),
    ],
    "steunpunt": [
        ("mantelzorgsteunpunt", 21.825517),
        ("meldpunt_geweld", 7.128995),
        ("slachtofferloket", 1.188166),
    ],
    "mishandeling": [
        ("meldpunt_geweld", 49.471172),
        ("thuisadministratie", 5.514434),
        ("jonge_mantelzorgers", 0.787776),
        ("praatlijn_jongeren", 0.787776),
        ("huisbezoek_senioren", 0.787776),
    ],
    "buurthuis tilburg": [
        ("jongerenwerk", 35.668796),
        ("buurtcentrum_tilburg", 25.525581),
        ("inloophuis_kanker", 13.047976),
        ("schuldhulp_tilburg", 32.817198),
        ("ouderenvereniging", 15.544989),
    ],
    "cafe taal": [
        ("taalcafe", 53.46746),
        ("alzheimer_cafe", 29.704145),
        ("vluchtelingen_assen", 17.822487),
        ("luisterpunt", 4.752663),
    ],
    "alzheimer cafe": [("alzheimer_cafe", 66.080006), ("taalcafe", 17.822487)],
    "luisterend oor": [
        ("luisterpunt", 53.46746),
        ("diaconie_leeuwarden", 5.940829),
        ("praathulp_zuid", 40.740965),
        ("praatlijn_jongeren", 11.170933),
        ("inloophuis_kanker", 2.376332),
    ],
    "113": [("levenslijn_113", 36.375862)],
    "wijkteam helmond": [
        ("wijkteam_helmond", 71.303172),
        ("mantelzorgsteunpunt", 34.92731),
        ("alzheimer_cafe", 27.574192),
        ("taalcafe", 16.544515),
        ("slachtofferloket", 9.191397),
    ],
    "leeuwarden administratie": [
        ("thuisadministratie", 32.674559),
        ("diaconie_leeuwarden", 26.73373),
        ("geldfit_groningen", 2.970414),
    ],
    "crisisdienst groningen": [
        ("ggz_crisis_noord", 67.352589),
        ("ggz_crisis_zuid", 41.444275),
        ("jonge_mantelzorgers", 32.817198),
        ("amw_groningen", 32.817198),
        ("cggz_groningen", 25.908314),
    ],
    "daklozen opvang": [("nachtopvang", 47.28862)],
    "kanker inloophuis": [
        ("inloophuis_kanker", 40.013448),
        ("diaconie_leeuwarden", 9.309111),
        ("huisartsenpost", 8.823742),
        ("verslavingszorg", 6.516378),
        ("huisbezoek_senioren", 4.411871),
    ],
    "slachtoffer inbraak": [("slachtofferloket", 24.821176)],
    "belastingaangifte ouderen": [
        ("ouderenvereniging", 29.176367),
        ("zilverdraad", 19.154085),
        ("huisbezoek_senioren", 12.76939),
        ("jonge_mantelzorgers", 2.128232),
        ("mantelzorgsteunpunt", 2.128232),
    ],
    "nachtlijn": [
        ("nachtlijn_zuid", 50.926206),
        ("levenslijn_113", 6.90753),
        ("praatlijn_jongeren", 6.216641),
        ("nachtopvang", 4.14533),
        ("huisartsenpost", 0.690888),
    ],
    "spoed psychische problemen eindhoven": [
        ("ggz_crisis_zuid", 33.991165),
        ("amw_eindhoven", 33.967334),
        ("formulierenbrigade", 30.99692),
        ("voedselbank", 30.99692),
        ("huisartsenpost", 24.471252),
    ],
}
