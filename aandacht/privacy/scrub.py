"""Scrub caller identifiers out of free text before it is stored.

A pure module: no Django, no other ``aandacht`` module (an import-linter
contract enforces this), so it can be tested and benchmarked on its own.

``scrub(text)`` returns a :class:`ScrubResult`: the text with every identifier
replaced by a Dutch placeholder, and the findings as ``(kind, start, end)``
with offsets into the *original* text. Everything outside a finding is kept
exactly (whitespace, punctuation, case).

Kinds and placeholders
======================

========  ============  =====================================================
kind      placeholder   what
========  ============  =====================================================
NAAM      [NAAM]        names of people (and of pets): first names, surnames,
                        initials, interfixes ("Anna de Vries", "J. Smit")
TELEFOON  [TELEFOON]    every phone number: 06-, landline, +31/0031, (0)
                        notation, spaced groups, 0800/0900/088, and foreign
                        numbers written with "+"
E-MAIL    [E-MAIL]      e-mail addresses
ADRES     [ADRES]       a street with or without a house number ("Kerkstraat
                        12", "op de Dorpsstraat", "Laan van Meerdervoort"),
                        a PO box, and a full address line ("Molenweg 7, 3311
                        AB Dordrecht", "3311 AB Dordrecht")
POSTCODE  [POSTCODE]    a Dutch postcode on its own ("1234 AB", "1234AB")
IBAN      [IBAN]        IBANs of any country, with or without spaces, when
                        they pass the mod-97 check; a Dutch one (NLkk BANK
                        0123 4567 89) also when a typo breaks the check
BSN       [BSN]         9 digits (also "1234.56.782", "123 456 782") that pass
                        the 11-test; or 8-9 digits right after the word BSN,
                        burgerservicenummer or sofinummer
DATUM     [DATUM]       calendar dates: "12-03-1954", "21/06/1961", "12 maart
                        1954", and a day with a month name without a year
                        ("geboren op 3 mei")
KENTEKEN  [KENTEKEN]    Dutch licence plates in every side code, written with
                        hyphens in capitals ("12-ABC-3", "AB-123-C")
ACCOUNT   [ACCOUNT]     social-media handles ("@naam")
URL       [URL]         web addresses, with or without http(s):// or www.
NUMMER    [NUMMER]      a number with no known format that identifies someone
                        (patient, client, case, member number): any run of 6
                        or more digits not written as an amount, and a code
                        with 4 or more digits after "nummer", "nr", "kenmerk"
KAMER     [KAMER]       a room or bed ("kamer 214", "bed 3 op kamer 12")
KLAS      [KLAS]        a school class ("klas 4B", "groep 7", "leerjaar 3")
========  ============  =====================================================

NUMMER, KAMER, KLAS and streets in no list that stand where an address stands
("woont aan de Kastanjehof", "nummer 23 van de ...", "in de flat Zonnewende")
are found by :mod:`aandacht.privacy.context`. A text is read in the form
:mod:`aandacht.privacy.normalise` gives it (Unicode spaces, dashes, zero-width
and full-width characters made plain), and replaced in the original.

Decisions: what is kept, and why
================================

* **Ages are kept.** "ze is 83", "83 jaar", "80-plusser", "een jongen van
  16": an age alone identifies no one, and the report keeps an age band
  anyway. Deduce's age annotator is switched off.
* **Places are kept** (no [PLAATS]). A city, village, municipality, province
  or country ("ze woont in Dordrecht") identifies no one on its own, the
  report stores the municipality as a separate field, and referrals need it.
  A place is scrubbed only as part of a full address line, i.e. right after
  a street with number or a postcode ("Molenweg 7, 3311 AB Dordrecht" ->
  "[ADRES]"). Deduce's place-name annotator is only used to find that end.
* **Institutions are kept**: hospitals, GGZ, Vraagwijzer, MEE, the Zonnebloem,
  113 Zelfmoordpreventie. They do not point to a caller, and staff need them
  to follow referrals. A name inside one ("Erasmus MC") is not scrubbed.
* **Years, months and weekdays alone are kept** ("sinds 2019", "in maart",
  "op dinsdag"). Any day with a month is scrubbed, with or without year: a
  date of birth is often given without one, and "op 3 mei" tells a reader
  little that a summary needs.
* **Ordinary numbers are kept**: amounts, times, counts, years, "112" and
  "113". A run of six or more digits is not ordinary: it is a client, case or
  patient number ([NUMMER]) unless it is written as an amount ("125000 euro").
* **Every phone number is scrubbed**, the helpline's own and public service
  numbers too: one simple rule is safer than a list of exceptions.
* **Every URL is scrubbed**, public sites too: a path can hold a profile name.
* **A mistyped Dutch IBAN is still scrubbed** (its shape alone is safe to
  trust); other countries' IBANs need the mod-97 check.
* **Names.** Deduce's name annotators (its lists of first names and
  surnames, titles, initials, interfixes) are joined by four rules of this
  module: a title or a word for a relation before a capitalised word
  ("mevrouw Roos", "mijn dochter Hoop", "meneer De Jong", "haar hond
  Bram"); a capitalised subject of a verb like "belde", "zei" or "woont"
  ("Zon belde"; not "Gisteren belde ze"); a name followed by who it is
  ("Oluwaseun, haar buurjongen"); and a first name typed in lower case after
  a relation ("mijn zoon kevin"). Pets' names count as names.
* **Names that are also ordinary words** ("Roos", "Hoop", "Zon", "Visser",
  "de Jong", "Bloem", "Storm") are scrubbed when used as a name (the rules
  above, or capitalised in the middle of a sentence) and kept in lower case
  ("een roos", "ik heb hoop", "de zon scheen", "een visser"). At the start of
  a sentence such a word counts as a name only when the sentence goes on as
  one about a person ("Roos is 83", "Storm belde"), not in "Storm en regen
  maken haar angstig".
* **Titles stay** in the text ("mevrouw [NAAM]", "dr. [NAAM]"), and so do
  prepositions that Deduce takes for an interfix ("aan de [ADRES]").
* **Countries and organisations that look like a name are kept**: "India",
  "Canada", "Albert Heijn", "Zilveren Kruis", "Reinier van Arkel", "Leger
  des Heils", "God" (a short list in this module); so are names inside the
  name of a hospital or care institution from Deduce's lists ("Erasmus
  MC"). A famous person's name is still scrubbed: it is a person's name.
* **A street without a house number** is scrubbed when it looks like a street
  (ends in -straat, -laan, -weg, -plein, -gracht, -kade, ...; or is a known
  street of several words with such a word, like "Laan van Meerdervoort"),
  or follows "woont op/aan de". A single word that is only in the street
  list ("Roos", "Noordzee") is not a street by itself.
* **Overlapping findings are merged** into one span (their union) with the
  kind of the longest; two names separated by one space become one [NAAM].
* **Placeholders are left alone**, so scrubbing scrubbed text changes nothing.

Known limits
============

* A name in no list and with no context ("contact met Oluwaseun.") is missed.
* A street without a street word, house number or "woont op/aan" before it
  ("Lange Voorhout") is missed; so are neighbourhoods (kept on purpose).
* A capitalised word that is both an ordinary word and a name is scrubbed in
  the middle of a sentence, and at its start when a verb like "is 83",
  "heeft" or "belde" follows ("Winter heeft ze een hekel aan" keeps it, but
  "Storm heeft schade gedaan" loses it).
* Licence plates must be written with hyphens in capitals.
* Over-scrubbing, on purpose on the safe side: a neighbourhood that ends like
  a street ("Bloemhof") becomes [ADRES]; an organisation that is not in the
  short list but holds a name ("Praktijk Jansen") loses the name; famous
  people's names are scrubbed; any day with a month becomes [DATUM].

Deduce
======

The work is built on Deduce (Dutch de-identification of clinical text) and
its framework docdeid: Deduce's name annotators, street and house-number
annotators, place names (only to end an address line), hospitals and
institutions (only to protect their names) and date annotators. Deduce's own
phone, e-mail, URL, BSN, postcode, age and "long number" annotators and its
merge/redact steps are switched off; this module's annotators below do that
work (IBAN with spaces and mod-97, BSN with the 11-test, all phone formats,
licence plates, handles, streets without a number).

Creating ``deduce.Deduce`` takes seconds, so one instance is created lazily
per process, under a lock, and reused (:func:`get_deduce`); a web process
can call it at start-up. Importing Deduce configures the root logger and the
warnings filters; both are restored. Deduce's name rules take time cubic in
a run of capitalised words, so a text over 400 characters goes to Deduce in
pieces of whole sentences (a very long sentence in pieces of about 120
characters, cut between lower-case words); this module's own annotators
always see the whole text.
"""

from __future__ import annotations

import gc
import logging
import re
import threading
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple

from aandacht.privacy import context
from aandacht.privacy.normalise import normalise

__all__ = [
    "KINDS",
    "PLACEHOLDERS",
    "Finding",
    "ScrubResult",
    "deduce_processors_off",
    "get_deduce",
    "scrub",
]

PLACEHOLDERS: dict[str, str] = {
    "NAAM": "[NAAM]",
    "TELEFOON": "[TELEFOON]",
    "E-MAIL": "[E-MAIL]",
    "ADRES": "[ADRES]",
    "POSTCODE": "[POSTCODE]",
    "IBAN": "[IBAN]",
    "BSN": "[BSN]",
    "DATUM": "[DATUM]",
    "KENTEKEN": "[KENTEKEN]",
    "ACCOUNT": "[ACCOUNT]",
    "URL": "[URL]",
    "NUMMER": "[NUMMER]",
    "KAMER": "[KAMER]",
    "KLAS": "[KLAS]",
}
KINDS: tuple[str, ...] = tuple(PLACEHOLDERS)

# When two overlapping findings are equally long, the earlier kind wins.
_KIND_PRIORITY: dict[str, int] = {
    kind: rank
    for rank, kind in enumerate(
        (
            "IBAN",
            "BSN",
            "TELEFOON",
            "E-MAIL",
            "URL",
            "ACCOUNT",
            "KENTEKEN",
            "NUMMER",
            "KAMER",
            "KLAS",
            "ADRES",
            "POSTCODE",
            "DATUM",
            "NAAM",
        )
    )
}


class Finding(NamedTuple):
    """One identifier: its kind and its span in the original text."""

    kind: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ScrubResult:
    """The scrubbed text and what was replaced (offsets into the original)."""

    text: str
    findings: tuple[Finding, ...]


# --------------------------------------------------------------------------
# Deduce, created once per process
# --------------------------------------------------------------------------

_deduce: Any = None
_deduce_lock = threading.Lock()

# Deduce processors this module does not use (it does that work itself, or
# the thing is kept on purpose); see the module docstring.
_DEDUCE_OFF: frozenset[str] = frozenset(
    {
        "patient_name",  # needs patient metadata we never have
        "postal_code",
        "postbus",
        "remove_street_tags",  # we keep streets without a house number
        "clean_street_tags",
        "age",
        "bsn",
        "identifier",
        "phone",
        "email",
        "url",
        "post_processing",
        "overlap_resolver",
        "merge_adjacent_annotations",
        "redactor",
    }
)


def deduce_processors_off() -> frozenset[str]:
    """Names of the Deduce processors that :func:`scrub` disables."""
    return _DEDUCE_OFF


def get_deduce() -> Any:
    """The process-wide ``deduce.Deduce`` instance (created on first use)."""
    global _deduce
    if _deduce is None:
        with _deduce_lock:
            if _deduce is None:
                _deduce = _create_deduce()
    return _deduce


def _create_deduce() -> Any:
    """Load Deduce, then take its tables out of the garbage collector's sight.

    Its lookup tables are millions of small objects that live as long as the
    process. Left to the collector, every full collection walks them all, and
    the process takes some 14 s to exit; frozen (after collecting what was
    garbage before), they are never scanned again.
    """
    gc.collect()
    instance = _load_deduce()
    gc.freeze()
    return instance


def _load_deduce() -> Any:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    disabled = logging.root.manager.disable
    try:
        logging.disable(logging.INFO)  # Deduce logs its loading at INFO
        # ``import deduce`` calls warnings.simplefilter; catch_warnings undoes it.
        with warnings.catch_warnings():
            import deduce  # type: ignore[import-untyped]

            return deduce.Deduce()
    finally:
        # ``import deduce`` also calls logging.basicConfig (a DEBUG handler on
        # stdout for the root logger); undo that.
        for handler in list(root.handlers):
            if handler not in handlers:
                root.removeHandler(handler)
        root.setLevel(level)
        logging.disable(disabled)


# --------------------------------------------------------------------------
# Patterns
# --------------------------------------------------------------------------


def _words(words: str, separator: str | None = None) -> list[str]:
    """The words of a long string literal (easier to read than a list)."""
    return words.split(separator)


_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
_CAP = rf"[{_UPPER}][{_LOWER}]+(?:['’][{_LOWER}]+)?"
_CAPNAME = rf"{_CAP}(?:-{_CAP})*"
_INTERFIX = (
    r"(?:[Vv]an (?:der|den|de|het|'t)|[Vv]an|[Dd]e|[Dd]en|[Dd]er|[Tt]er|[Tt]en"
    r"|[Tt]e|[Ee]l|[Aa]l|[Dd]a|[Dd]os|[Dd]u|[Ll]e|[Ll]a|[Vv]on|[Bb]in|[Bb]en)"
)
_INITIALS = r"(?:[A-Z]\.(?:\s?[A-Z]\.)*\s?)"
_NAME_SEQ = (
    rf"{_INITIALS}?(?:{_INTERFIX}\s)?{_CAPNAME}"
    rf"(?:\s(?:{_INTERFIX}\s)?{_CAPNAME})?"
)

# Titles and words for a relation or a role, followed by a name.
_NAME_TRIGGERS = (
    "mevrouw|mevr|mw|meneer|mijnheer|mnr|dhr|de heer|heer|juffrouw|dr"
    "|zuster|broeder|dokter|huisarts|arts|psychiater"
    "|psycholoog|therapeut|behandelaar|begeleider|begeleidster|hulpverlener"
    "|casemanager|bewindvoerder|mentor|maatje|verpleegkundige|pastor|pastoor"
    "|dominee|imam|juf|meester|collega|baas|dochter|zoon|kleindochter"
    "|kleinzoon|kleinkind|kind|moeder|vader|mama|papa|ma|pa|oma|opa|broer"
    "|broertje|zus|zusje|zuster|tante|oom|neef|neefje|nicht|nichtje"
    "|schoonzoon|schoondochter|schoonmoeder|schoonvader|zwager|schoonzus"
    "|stiefzoon|stiefdochter|stiefvader|stiefmoeder|man|vrouw|echtgenoot"
    "|echtgenote|partner|vriend|vriendin|vriendje|ex|ex-man|ex-vrouw"
    "|ex-partner|ex-vriend|ex-vriendin|buurman|buurvrouw|buurjongen|buurmeisje"
    "|hond|kat|poes|genaamd|heet|heette|noemt zich|noemde zich|naam"
)
_ABBREVIATED_TITLES = "mevr|mw|mnr|dhr|mej|dr|drs|mr|prof|ir|ing|zr"
_TRIGGERED_NAME = re.compile(
    rf"(?<![\w-])(?:(?i:{_ABBREVIATED_TITLES})\.|(?i:{_NAME_TRIGGERS}),?)"
    rf"\s+(?!van\s)(?P<name>{_NAME_SEQ})(?![\w-])"  # not "arts van Parnassia"
)

_RELATIONS = (
    "dochter|zoon|kleindochter|kleinzoon|kleinkind|kind|moeder|vader|mama|papa"
    "|oma|opa|broer|broertje|zus|zusje|tante|oom|neef|neefje|nicht|nichtje"
    "|schoonzoon|schoondochter|man|vrouw|echtgenoot|echtgenote|partner|vriend"
    "|vriendin|vriendje|ex|buurman|buurvrouw|hond|kat|poes|heet|heette|genaamd"
)
_LOWERCASE_NAME = re.compile(
    rf"(?<![\w-])(?i:{_RELATIONS}),?\s+(?P<name>[{_LOWER}]{{3,}})(?![\w-])"
)

# "Oluwaseun, haar buurjongen, ..." -- a name followed by who it is.
_APPOSITION_NAME = re.compile(
    rf"(?<![\w-])(?P<name>{_CAPNAME}(?:\s(?:{_INTERFIX}\s)?{_CAPNAME})?),\s"
    rf"(?:haar|zijn|mijn|hun|onze|de|een)\s(?:ex-|schoon|stief|klein|oud-)?"
    rf"(?i:{_RELATIONS}|buurjongen|buurmeisje|collega|begeleider|begeleidster"
    rf"|huisarts|dokter|psychiater|psycholoog|therapeut|behandelaar"
    rf"|hulpverlener|casemanager|bewindvoerder|mentor|maatje|verpleegkundige"
    rf"|wijkverpleegkundige|vrijwilliger|kennis)(?![\w-])"
)

_NAME_VERBS = (
    "belde|belt|zei|zegt|vertelde|vertelt|vroeg|vraagt|appte|appt|mailde"
    "|mailt|schreef|schrijft|huilde|huilt|woont|woonde|overleed"
)
_SUBJECT_PRONOUNS = "ik|je|jij|u|hij|ze|zij|we|wij|jullie|men|er"
_VERB_NAME = re.compile(
    rf"(?<![\w-])(?P<name>{_CAPNAME}(?:\s(?:{_INTERFIX}\s)?{_CAPNAME})?)"
    rf"\s(?:{_NAME_VERBS})(?![\w-])(?!\s+(?:{_SUBJECT_PRONOUNS})(?![\w-]))"
)
# Capitalised words that are often the first word of "X belde", never names.
_NOT_A_NAME: frozenset[str] = frozenset(
    _words(
        "ik je jij u hij ze zij we wij jullie men er het de een die dat deze dit"
        " daar hier wie wat hoe waar wanneer waarom welke elke iedere iemand"
        " niemand iedereen alles niets niks zo ook toch nu dan toen daarna"
        " later eerst eerder vandaag gisteren eergisteren morgen overmorgen"
        " vanavond vanmorgen vanochtend vanmiddag vannacht straks net pas"
        " zojuist laatst weer opnieuw nogmaals daarom dus maar en of want"
        " soms vaak nooit altijd meestal vroeger sindsdien verder tenslotte"
        " vervolgens plots plotseling ineens opeens gelukkig helaas eindelijk"
        " uiteindelijk zelfs nog al alleen wel niet geen mijn zijn haar hun"
        " onze uw beller bellers mevrouw meneer heer vrouw man jongen meisje"
        " moeder vader dochter zoon broer zus oma opa buurman buurvrouw buren"
        " huisarts dokter arts politie ambulance gemeente thuiszorg wijkteam"
        " hulp familie niemand iemand maandag dinsdag woensdag donderdag"
        " vrijdag zaterdag zondag januari februari maart april mei juni juli"
        " augustus september oktober november december kerst pasen"
        " sinterklaas ramadan suikerfeest nieuwjaar god ja nee nou ach och oké"
        " ok goed bedankt dank sorry hallo hoi dag dhr mw mevr mnr dr drs prof"
        " ir ing mr mej zr hieruit daaruit hierdoor daardoor hiermee daarmee"
        " hierna hierin daarin hierover daarover"
    )
)
# First names and surnames in Deduce's lists that are also ordinary Dutch
# words. Capitalised at the start of a sentence they may be either ("Storm en
# regen ..." / "Storm belde"): there they count as a name only when the
# sentence goes on as one about a person (_PERSON_NEXT).
_WORD_NAMES: frozenset[str] = frozenset(
    _words(
        "roos bloem hoop zon storm winter zomer lente herfst maan ster merel"
        " beer vos wolf kok visser bakker smit mulder boer koster schipper bos"
        " berg dijk haan mol vink valk zwaan duif haas leeuw groot klein lang"
        " kort wit zwart koning prins graaf meester dekker brouwer schaap hoek"
        " veld beek brink kuiper timmerman molenaar slager schilder engel"
        " iris fleur jade amber lelie linde eik hazel vrede geluk dag zee"
        " wind regen sneeuw hemel steen goud zilver appel peer kers maatje bank"
        " mooi fijn goed sterk knap lief zacht stil rustig vrolijk blij"
    )
)
_PERSON_ADJECTIVES = (
    "ziek|overleden|opgenomen|alleen|bang|boos|verdrietig|eenzaam|depressief"
    "|getrouwd|gescheiden|weduwe|weduwnaar|moe|dement|verslaafd|zwanger|jarig"
    "|geboren|verhuisd|thuis|weg|blij|ongerust|somber|wanhopig"
)
_PERSON_VERBS = (
    "belde|belt|zei|zegt|vertelde|vertelt|vroeg|vraagt|appte|appt|mailde|mailt"
    "|schreef|schrijft|huilde|huilt|lachte|lacht|woont|woonde|overleed|kwam"
    "|komt|heeft|had|wil|wilde|voelt|voelde|zit|zat|gaat|ging|kan|kon|mag"
    "|moet|moest|durft|durfde|mist|miste|hoopt|hoopte|denkt|dacht|weet|wist"
    "|werkt|werkte|praat|praatte|sprak|spreekt|zorgt|zorgde|krijgt|kreeg"
    "|wordt|werd|leeft|leefde|houdt|hield"
)
_PERSON_NEXT = re.compile(
    rf"(?:\s*,|\s+(?:{_PERSON_VERBS})(?![\w-])"
    rf"(?!\s+(?:{_SUBJECT_PRONOUNS})(?![\w-]))"
    rf"|\s+(?:is|was)\s+(?:\d|(?:{_PERSON_ADJECTIVES})(?![\w-]))"
    rf"|\s+en\s+[{_UPPER}])"
)
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]|\n)[\s\"'‘“(]*$")

_TITLE_PREFIX = re.compile(
    r"(?i:mevrouw|mevr|mw|meneer|mijnheer|mnr|dhr|de heer|juffrouw|mej|dr|drs"
    r"|mr|prof|ir|ing|ds|zr|collega|bc|bacc|kand|lec|dra|dr\.h\.c)\.?\s+"
)
_PREPOSITION_PREFIX = re.compile(
    r"(?:aan de|bij de|in de|op de|uit de|in het|op het|in 't|op 't|in den"
    r"|op den)\s+"
)

# Countries, organisations and other proper nouns that hold or look like a
# name ("India", "Albert Heijn", "Zilveren Kruis", "Reinier van Arkel"):
# never a [NAAM] or [ADRES]. Dutch places are in Deduce's place list.
_KNOWN_NOT_PERSONAL = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(
        sorted(
            _words(
                "Afghanistan|Albanië|Algerije|Amerika|Angola|Argentinië|Armenië"
                "|Aruba|Australië|België|Bonaire|Bosnië|Brazilië|Bulgarije|Canada"
                "|Chili|China|Colombia|Congo|Cuba|Curaçao|Cyprus|Denemarken"
                "|Duitsland|Egypte|Engeland|Eritrea|Ethiopië|Filipijnen|Finland"
                "|Frankrijk|Georgië|Ghana|Griekenland|Hongarije|Ierland|India"
                "|Indonesië|Irak|Iran|IJsland|Israël|Italië|Jamaica|Japan|Jemen"
                "|Jordanië|Kaapverdië|Kenia|Kosovo|Kroatië|Libanon|Libië|Litouwen"
                "|Luxemburg|Marokko|Mexico|Moldavië|Nederland|Nigeria|Noorwegen"
                "|Oekraïne|Oostenrijk|Pakistan|Palestina|Peru|Polen|Portugal"
                "|Roemenië|Rusland|Saba|Saoedi-Arabië|Schotland|Servië"
                "|Sint Maarten|Sint Eustatius|Slowakije|Somalië|Spanje|Sri Lanka"
                "|Soedan|Suriname|Syrië|Thailand|Tsjechië|Tunesië|Turkije"
                "|Venezuela|Verenigde Staten|Vietnam|Wales|Zuid-Afrika|Zweden"
                "|Zwitserland|Europa|Afrika|Azië"
                "|ING Bank|SNS Bank|ASN Bank|Triodos Bank|ABN AMRO"
                "|Albert Heijn|Jan Linders|Dirk van den Broek|Hans Anders"
                "|Bart Smit|Zilveren Kruis|Rode Kruis|Leger des Heils|Humanitas"
                "|Zonnebloem|Luisterlijn|Sensoor|Vraagwijzer|Vincent van Gogh"
                "|Reinier van Arkel|Mondriaan|Parnassia|Philadelphia|Cordaan"
                "|Arkin|Altrecht|Lentis|Dimence|Yulius|Antes|Bavo Europoort|BAVO"
                "|Pro Persona|Rivierduinen|Emergis|Jellinek|Tactus|Brijder"
                "|God|Jezus|Allah|Boeddha|Sinterklaas|Kerstmis|Koningsdag"
                "|Moederdag|Vaderdag",
                "|",
            ),
            key=len,
            reverse=True,
        )
    )
    + r")(?![\w-])"
)

_STREET_WORDS = (
    "straat|straatje|laan|laantje|weg|plein|pleintje|gracht|kade|dijk|singel"
    "|dreef|steeg|hof|markt|boulevard|plantsoen|allee|promenade|wal|pad"
)
_STREET_SUFFIX = re.compile(rf"[{_LOWER}](?:{_STREET_WORDS})$")
# Endings that make a street even when a place has the same name
# ("Hoogstraat"); unlike -dijk or -weg ("Kinderdijk" is a village).
_SURE_STREET_SUFFIX = re.compile(
    rf"[{_LOWER}](?:straat|straatje|laan|laantje|plein|pleintje|gracht|kade"
    r"|singel|steeg|dreef|boulevard|plantsoen)$"
)
_STREET_HEAD = re.compile(rf"(?:^|\s)(?:{_STREET_WORDS.title()})(?:\s|$)")
_STREET_PATTERN = re.compile(
    r"(?<![\w-])(?:(?:Burgemeester|Burg\.|Dokter|Dr\.|Koningin|Koning|Prins"
    r"|Prinses|Graaf|Generaal|Pastoor|Professor|Prof\.|Sint|St\.|Van|De|Oude"
    r"|Nieuwe|Lange|Korte|Hoge|Lage|Groot|Klein|Kleine|Grote|Noord|Zuid|Oost"
    r"|West)\s(?:(?:van der|van den|van de|van|de|den|der|ter|ten)\s)?)?"
    rf"[{_UPPER}][{_LOWER}'’-]*?(?:{_STREET_WORDS})(?![\w-])"
)
# Words ending like a street that are (almost) never one.
_NOT_A_STREET: frozenset[str] = frozenset(
    _words(
        "onderweg halfweg snelweg omweg zijweg spoorweg kerkhof supermarkt"
        " jaarmarkt weekmarkt vlooienmarkt rommelmarkt kerstmarkt woningmarkt"
        " arbeidsmarkt huizenmarkt binnenhof speeltuinpark dierenpark"
        " pretpark themapark attractiepark vakantiepark wandelpad fietspad"
        " zandpad voetpad levenspad bospad trekpad"
    )
)
_HOUSE_NUMBER = re.compile(
    r"\s?\d{1,5}(?:\s?[-/]\s?\d{1,4})?(?:\s?[a-zA-Z](?![\w-]))?"
    r"(?:\s(?:bis|hs|huis|bg|boven|rd|zw|I{1,3})(?![\w-]))?"
)
_ADDRESS_CONTEXT = re.compile(
    r"(?i:\b(?:woon\w*|wonen|adres\w*|verhuis\w*|verhuizen)\b[^.!?\n]{0,20}"
    r"\b(?:op|aan)(?:\s(?:de|het|'t))?\s$)"
)
_POSTCODE = re.compile(r"(?<![\w-])[1-9]\d{3}\s?[A-Z]{2}(?![\w-])")
_PLACE_AFTER_POSTCODE = re.compile(
    rf",?\s+{_CAPNAME}(?:\s(?:(?:aan den|aan de|aan|op|in)\s)?{_CAPNAME}){{0,3}}"
)
_ADDRESS_GAP = re.compile(r",?\s+")
_POSTBUS = re.compile(r"(?<![\w-])[Pp]ostbus\s\d{1,5}(?![\w-])")

_EMAIL = re.compile(
    r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
    r"(?![\w-])"
)
_URL_EXPLICIT = re.compile(r"(?<![\w@])(?i:https?://|www\.)[^\s<>\"']+")
_TLDS = (
    "nl|com|org|net|be|eu|de|fr|uk|info|nu|io|app|tv|me|co|online|shop|frl"
    "|amsterdam|social|gov|edu|ly|gl|example|test"
)
_URL_BARE = re.compile(
    rf"(?<![\w@./-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:{_TLDS})(?![\w-])"
    r"(?:/[^\s<>\"']*)?"
)
_URL_TRAILING = ".,;:!?)]}'\"”’"
_HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?")

_PLATE_SIDECODES = (
    "LL-DD-DD",
    "DD-DD-LL",
    "DD-LL-DD",
    "LL-DD-LL",
    "LL-LL-DD",
    "DD-LL-LL",
    "DD-LLL-D",
    "D-LLL-DD",
    "LL-DDD-L",
    "L-DDD-LL",
    "LLL-DD-L",
    "L-DD-LLL",
    "D-LL-DDD",
    "DDD-LL-D",
)
_PLATE = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(
        code.replace("L", "[A-Z]").replace("D", r"\d") for code in _PLATE_SIDECODES
    )
    + r")(?![\w-])"
)

_MONTHS = (
    "(?i:januari|februari|maart|april|mei|juni|juli|augustus|september"
    "|oktober|november|december)|(?:jan|feb|mrt|apr|jun|jul|aug|sept|sep|okt"
    r"|nov|dec)\.?"
)
_DAY_MONTH = re.compile(
    r"(?<![\w.,/-])(?:[1-9]|0[1-9]|[12]\d|3[01])(?:e|ste|de)?\s"
    rf"(?:{_MONTHS})(?:\s(?:(?:19|20)\d{{2}}|'\d{{2}}))?(?![\w-])"
)

_BSN_CANDIDATE = re.compile(r"(?<![\w.,/+-])\d(?:[ .]?\d){7,8}(?!\w|[.,/-]\d)")
_BSN_KEYWORD = re.compile(
    r"(?i:\b(?:bsn|burgerservicenummer|sofi-?nummer)\b)[^\n\d]{0,25}$"
)

_IBAN_CANDIDATE = re.compile(
    r"(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?:[ ]?[A-Za-z0-9]){11,30}"
)
# A Dutch IBAN is scrubbed by its shape even when a typo breaks the check.
_DUTCH_IBAN_SHAPE = re.compile(
    r"(?<![A-Za-z0-9])(?i:NL)\d{2}[ ]?[A-Za-z]{4}(?:[ ]?\d){10}(?![A-Za-z0-9])"
)
_IBAN_LENGTHS: dict[str, int] = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16,
    "BG": 22, "BH": 22, "BR": 29, "CH": 21, "CY": 28, "CZ": 24, "DE": 22,
    "DK": 18, "DO": 28, "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FO": 18,
    "FR": 27, "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "HR": 21,
    "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30,
    "KW": 30, "KZ": 20, "LB": 28, "LI": 21, "LT": 20, "LU": 20, "LV": 21,
    "MA": 28, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MR": 27, "MT": 31,
    "MU": 30, "NL": 18, "NO": 15, "PK": 24, "PL": 28, "PS": 29, "PT": 25,
    "QA": 29, "RO": 24, "RS": 22, "SA": 24, "SE": 24, "SI": 19, "SK": 24,
    "SM": 27, "TN": 24, "TR": 26, "UA": 29, "XK": 20,
}  # fmt: skip

# A run of digits with the separators people write in phone numbers.
_PHONE_CANDIDATE = re.compile(
    r"(?<![\w+@/])(?<!\d[.,:-])(?:\+[ ]?|\(?)(?=\d)"
    r"(?:\d|\((?=\d)|(?<=\d)\)|[ ]?[-./][ ]?(?=[\d(])|[ ](?=[\d(]))*"
)
_SERVICE_PREFIXES = ("0800", "0900", "0906", "0909")

_PLACEHOLDER = re.compile(
    r"\[(?:" + "|".join(re.escape(kind) for kind in KINDS) + r")\]"
)


# --------------------------------------------------------------------------
# Checks
# --------------------------------------------------------------------------


def _iban_valid(iban: str) -> bool:
    rearranged = iban[4:] + iban[:4]
    try:
        number = int("".join(str(int(char, 36)) for char in rearranged))
    except ValueError:
        return False
    return number % 97 == 1


def _bsn_valid(digits: str) -> bool:
    if len(digits) != 9 or digits == "000000000":
        return False
    total = sum((9 - i) * int(d) for i, d in enumerate(digits[:8]))
    return (total - int(digits[8])) % 11 == 0


# --------------------------------------------------------------------------
# Annotators of this module: (text) -> findings
# --------------------------------------------------------------------------


def _regex_findings(pattern: re.Pattern[str], kind: str, text: str) -> list[Finding]:
    return [Finding(kind, m.start(), m.end()) for m in pattern.finditer(text)]


def _emails(text: str) -> list[Finding]:
    return _regex_findings(_EMAIL, "E-MAIL", text) if "@" in text else []


def _handles(text: str) -> list[Finding]:
    return _regex_findings(_HANDLE, "ACCOUNT", text) if "@" in text else []


def _urls(text: str) -> list[Finding]:
    if "." not in text:
        return []
    findings = []
    for pattern in (_URL_EXPLICIT, _URL_BARE):
        for m in pattern.finditer(text):
            end = m.end()
            while end > m.start() and text[end - 1] in _URL_TRAILING:
                end -= 1
            if end - m.start() > 4:
                findings.append(Finding("URL", m.start(), end))
    return findings


def _plates(text: str) -> list[Finding]:
    return _regex_findings(_PLATE, "KENTEKEN", text) if "-" in text else []


def _postcodes(text: str) -> list[Finding]:
    return _regex_findings(_POSTCODE, "POSTCODE", text)


def _day_month_dates(text: str) -> list[Finding]:
    return _regex_findings(_DAY_MONTH, "DATUM", text)


def _ibans(text: str) -> list[Finding]:
    findings = []
    for m in _IBAN_CANDIDATE.finditer(text):
        chars = [
            (c.upper(), m.start() + i) for i, c in enumerate(m.group()) if c != " "
        ]
        country = chars[0][0] + chars[1][0]
        known = _IBAN_LENGTHS.get(country)
        lengths = [known] if known else range(min(len(chars), 34), 14, -1)
        for length in lengths:
            if length > len(chars):
                continue
            end = chars[length - 1][1] + 1
            if end < len(text) and text[end].isalnum():
                continue  # the cut must fall between groups
            if _iban_valid("".join(c for c, _ in chars[:length])):
                findings.append(Finding("IBAN", m.start(), end))
                break
    findings.extend(_regex_findings(_DUTCH_IBAN_SHAPE, "IBAN", text))
    return findings


def _bsns(text: str) -> list[Finding]:
    findings = []
    for m in _BSN_CANDIDATE.finditer(text):
        start, end, found = m.start(), m.end(), m.group()
        if " " in found and (
            (start >= 2 and text[start - 1] == " " and text[start - 2].isdigit())
            or (end + 1 < len(text) and text[end] == " " and text[end + 1].isdigit())
        ):
            continue  # part of a longer spaced number (a phone number)
        digits = found.replace(" ", "").replace(".", "")
        if _bsn_valid(digits) or _BSN_KEYWORD.search(text, max(0, start - 40), start):
            findings.append(Finding("BSN", start, end))
    return findings


def _phone_end(text: str, start: int, end: int) -> int | None:
    """Where a phone number that starts at ``start`` ends, or None."""
    positions = [i for i in range(start, end) if text[i].isdigit()]
    digits = "".join(text[i] for i in positions)
    if text[start] == "+" or digits.startswith("00"):
        body = digits[1:] if text[start] == "+" else digits[2:]
        skip = len(digits) - len(body)
        if body.startswith("31"):
            national = body[2:]
            skip += 2
            if national.startswith("0"):  # +31 (0)6 ... or +31 06 ...
                national, skip = national[1:], skip + 1
            if national.startswith(("800", "900", "906", "909")):
                wanted = [7, 10]
            else:
                wanted = [9]
            options = [skip + n for n in wanted if n <= len(national)]
        else:
            options = [min(len(digits), skip + 13)] if len(body) >= 8 else []
    elif digits.startswith("0"):
        if digits.startswith(_SERVICE_PREFIXES):
            options = [n for n in (11, 8) if n <= len(digits)]
        else:
            options = [10] if len(digits) >= 10 else []
    else:
        return None
    for count in sorted(options, reverse=True):
        cut = positions[count - 1] + 1
        if cut < len(text) and text[cut].isdigit():
            continue
        return cut
    return None


def _phones(text: str) -> list[Finding]:
    findings = []
    pos = 0
    while True:
        m = _PHONE_CANDIDATE.search(text, pos)
        if m is None:
            break
        start = m.start()
        end = _phone_end(text, start, m.end())
        if end is None:
            pos = max(m.end(), start + 1)
            continue
        if text[start] == "(" and ")" not in text[start:end]:
            start += 1  # "Mevrouw Dekker (06-12345678)"
        findings.append(Finding("TELEFOON", start, end))
        pos = end
    return findings


def _postboxes(text: str) -> list[Finding]:
    return _regex_findings(_POSTBUS, "ADRES", text) if "ostbus" in text else []


def _looks_like_word(name: str) -> bool:
    """True if the first capitalised word of ``name`` is a common non-name."""
    first = next((w for w in name.split() if w[:1].isupper()), name)
    return first.lower() in _NOT_A_NAME


def _triggered_names(text: str, places: set[tuple[int, int]]) -> list[Finding]:
    findings = []
    for m in _TRIGGERED_NAME.finditer(text):
        span = (m.start("name"), m.end("name"))
        titled = _TITLE_PREFIX.match(text, m.start()) is not None
        if _looks_like_word(m.group("name")):
            continue
        if titled or span not in places:  # "haar dochter, Amsterdam ..."
            findings.append(Finding("NAAM", *span))
    return findings


def _apposition_names(text: str, places: set[tuple[int, int]]) -> list[Finding]:
    findings = []
    for m in _APPOSITION_NAME.finditer(text):
        span = (m.start("name"), m.end("name"))
        if not _looks_like_word(m.group("name")) and span not in places:
            findings.append(Finding("NAAM", *span))
    return findings


def _lowercase_names(text: str) -> list[Finding]:
    """First names typed in lower case after a relation ("mijn zoon kevin")."""
    findings = []
    lookups = get_deduce().lookup_structs
    first_names, common = lookups["first_name"], lookups["whitelist"]
    for m in _LOWERCASE_NAME.finditer(text):
        word = m.group("name")
        if word in _NOT_A_NAME or word in common or [word.title()] not in first_names:
            continue
        findings.append(Finding("NAAM", m.start("name"), m.end("name")))
    return findings


def _verb_names(text: str, places: set[tuple[int, int]]) -> list[Finding]:
    findings = []
    for m in _VERB_NAME.finditer(text):
        start, end = m.start("name"), m.end("name")
        # "Toen Zon belde", "Dhr Bakker belde": the name is the second word.
        first = re.match(r"\S+\s+", text[start:end])
        if first is not None and first.group().strip().lower() in _NOT_A_NAME:
            start += first.end()
        name = text[start:end]
        if _looks_like_word(name) or (start, end) in places:
            continue
        findings.append(Finding("NAAM", start, end))
    return findings


def _street_pattern(text: str) -> list[Finding]:
    findings = []
    for m in _STREET_PATTERN.finditer(text):
        if m.group().lower() in _NOT_A_STREET:
            continue
        findings.append(Finding("ADRES", m.start(), m.end()))
    return findings


_OWN_ANNOTATORS: tuple[Callable[[str], list[Finding]], ...] = (
    _emails,
    _handles,
    _urls,
    _plates,
    _postcodes,
    _day_month_dates,
    _ibans,
    _bsns,
    _phones,
    _postboxes,
)


# --------------------------------------------------------------------------
# Deduce's annotations -> findings
# --------------------------------------------------------------------------


class _DeduceSpans(NamedTuple):
    names: list[tuple[int, int]]
    streets: list[tuple[int, int, bool]]  # start, end, has a house number
    places: dict[int, int]  # start -> end
    institutions: list[tuple[int, int]]
    dates: list[tuple[int, int]]


# Deduce's name annotators take time cubic in a run of capitalised words
# ("Jan Jan Jan ..."), so a long text goes to Deduce in pieces: whole
# sentences up to _CHUNK characters, and a longer sentence cut at a space
# between two lower-case words (or at any space) every _PIECE characters.
_CHUNK = 400
_PIECE = 120
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|\n\s*")
_SAFE_CUT = re.compile(rf"(?<=[{_LOWER}]) (?=[{_LOWER}])")
_INTERFIX_WORDS = frozenset(
    _words("van de den der het 't ter ten te la le da du dos el al von bin ben")
)


def _cut_sentence(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Pieces of at most about _PIECE characters of one long sentence."""
    pieces = []
    while end - start > _PIECE:
        limit = start + _PIECE
        cut = None
        for m in _SAFE_CUT.finditer(text, start + _PIECE // 2, limit):
            following = text[m.end() : m.end() + 4].split(" ")[0]
            if following not in _INTERFIX_WORDS:
                cut = m.start()
        if cut is None:
            space = text.rfind(" ", start + 1, limit)
            cut = space if space > start else limit
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def _chunks(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` to hand to Deduce one by one."""
    if len(text) <= _CHUNK:
        return [(0, len(text))]
    bounds = [m.start() for m in _SENTENCE_BREAK.finditer(text)]
    chunks: list[tuple[int, int]] = []
    packing = False  # may the next sentence join the last chunk?
    start = 0
    for end in [*bounds, len(text)]:
        if end - start > _CHUNK:
            chunks.extend(_cut_sentence(text, start, end))
            packing = False
        elif packing and end - chunks[-1][0] <= _CHUNK:
            chunks[-1] = (chunks[-1][0], end)
        else:
            chunks.append((start, end))
            packing = True
        start = end
    return chunks


def _deduce_spans(text: str) -> _DeduceSpans:
    deduce = get_deduce()
    spans = _DeduceSpans([], [], {}, [], [])
    for offset, chunk_end in _chunks(text):
        doc = deduce.deidentify(text[offset:chunk_end], disabled=set(_DEDUCE_OFF))
        for ann in doc.annotations:
            tag = ann.tag
            start, end = ann.start_char + offset, ann.end_char + offset
            if tag in ("persoon", "patient"):
                spans.names.append((start, end))
            elif tag.startswith("straat"):
                spans.streets.append((start, end, "huisnummer" in tag))
            elif tag == "locatie":
                spans.places[start] = max(end, spans.places.get(start, end))
            elif tag in ("ziekenhuis", "zorginstelling"):
                spans.institutions.append((start, end))
            elif tag == "datum":
                spans.dates.append((start, end))
    return spans


def _strip_name(text: str, start: int, end: int) -> tuple[int, int, bool]:
    """Drop titles and prepositions in front of a name; True if a title went."""
    titled = False
    while True:
        m = _TITLE_PREFIX.match(text, start, end)
        if m is None:
            m = _PREPOSITION_PREFIX.match(text, start, end)
        else:
            titled = True
        if m is None or m.end() >= end:
            break
        start = m.end()
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end, titled


def _is_inside(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e and (s, e) != (start, end) for s, e in spans)


def _name_findings(
    text: str, spans: _DeduceSpans, places: set[tuple[int, int]]
) -> list[Finding]:
    findings = []
    for raw_start, raw_end in spans.names:
        start, end, titled = _strip_name(text, raw_start, raw_end)
        if end <= start:
            continue
        if not titled and (start, end) in places:
            continue  # "Den Haag" is in the surname list too
        if _is_inside(start, end, spans.institutions):
            continue  # "Erasmus MC"
        if (
            not titled
            and text[start:end].lower() in _WORD_NAMES
            and _SENTENCE_START.search(text, max(0, start - 5), start)
            and not _PERSON_NEXT.match(text, end)
        ):
            continue  # "Storm en regen maken haar angstig."
        findings.append(Finding("NAAM", start, end))
    return findings


def _accept_street(
    text: str, start: int, end: int, places: set[tuple[int, int]]
) -> bool:
    street = text[start:end]
    if not street[:1].isupper():
        return False
    if (start, end) in places and not _SURE_STREET_SUFFIX.search(street):
        return False
    if street.lower() in _NOT_A_STREET:
        return False
    if _STREET_SUFFIX.search(street):
        return True
    if " " in street and _STREET_HEAD.search(street):
        return True  # "Laan van Meerdervoort"
    return bool(_ADDRESS_CONTEXT.search(text, max(0, start - 40), start))


def _street_findings(
    text: str, spans: _DeduceSpans, places: set[tuple[int, int]]
) -> list[Finding]:
    candidates: list[tuple[int, int]] = []
    for start, end, numbered in spans.streets:
        if numbered:
            # Deduce put the number on already; judge the street part.
            m = re.search(r"\s?\d", text[start:end])
            street_end = start + m.start() if m else end
            if (start, street_end) in places or not text[start : start + 1].isupper():
                continue
            candidates.append((start, end))
        elif _accept_street(text, start, end, places):
            candidates.append((start, end))
    candidates.extend(
        (f.start, f.end)
        for f in _street_pattern(text)
        if (f.start, f.end) not in places  # "Kinderdijk" is a village
        or _SURE_STREET_SUFFIX.search(text[f.start : f.end])
    )

    findings = []
    for start, end in candidates:
        number = _HOUSE_NUMBER.match(text, end)
        if number is not None and number.group().strip():
            end = number.end()
        findings.append(Finding("ADRES", start, end))
    return findings


def _extend_address(text: str, finding: Finding, spans: _DeduceSpans) -> Finding:
    """Take a postcode and place that follow a street with number or postcode."""
    end = finding.end
    if finding.kind == "ADRES":
        if not any(ch.isdigit() for ch in text[finding.start : end]):
            return finding
        m = _ADDRESS_GAP.match(text, end)
        if m is not None:
            postcode = _POSTCODE.match(text, m.end())
            if postcode is not None:
                end = postcode.end()
            elif text[end] == "," and m.end() in spans.places:
                return Finding("ADRES", finding.start, spans.places[m.end()])
            else:
                return finding
        else:
            return finding
    m = _ADDRESS_GAP.match(text, end)
    if m is not None and m.end() in spans.places:
        end = spans.places[m.end()]
    else:
        place = _PLACE_AFTER_POSTCODE.match(text, end)
        if place is not None:
            end = place.end()
    if end == finding.end:
        return finding
    return Finding("ADRES", finding.start, end)


# --------------------------------------------------------------------------
# Merging and replacing
# --------------------------------------------------------------------------


def _context_findings(text: str, places: set[tuple[int, int]]) -> list[Finding]:
    """Numbers, rooms, classes and unlisted streets known by where they stand;
    a name Deduce knows as a place ("aan de Maas") stays unless it ends like a
    street."""
    findings = []
    for annotate in context.ANNOTATORS:
        for kind, start, end in annotate(text):
            place = (start, end) in places
            if (
                kind == "ADRES"
                and place
                and not _SURE_STREET_SUFFIX.search(text[start:end])
            ):
                continue
            findings.append(Finding(kind, start, end))
    return findings


def _merge(findings: list[Finding], text: str) -> list[Finding]:
    """Union of overlapping findings, with the kind of the longest."""
    merged: list[Finding] = []
    longest: list[Finding] = []  # the longest finding of each merged span
    for finding in sorted(findings, key=lambda f: (f.start, -f.end)):
        if merged and finding.start < merged[-1].end:
            if _longer(finding, longest[-1]):
                longest[-1] = finding
            last = merged[-1]
            merged[-1] = Finding(
                longest[-1].kind, last.start, max(last.end, finding.end)
            )
        else:
            merged.append(finding)
            longest.append(finding)
    # "Anna" "de Vries" -> one name.
    joined: list[Finding] = []
    for finding in merged:
        if (
            joined
            and finding.kind == joined[-1].kind == "NAAM"
            and text[joined[-1].end : finding.start] in (" ", "-")
        ):
            joined[-1] = Finding("NAAM", joined[-1].start, finding.end)
        else:
            joined.append(finding)
    return joined


def _longer(a: Finding, b: Finding) -> bool:
    length_a, length_b = a.end - a.start, b.end - b.start
    if length_a != length_b:
        return length_a > length_b
    return _KIND_PRIORITY[a.kind] < _KIND_PRIORITY[b.kind]


def scrub(text: str) -> ScrubResult:
    """Replace every caller identifier in ``text`` by a Dutch placeholder.

    Identifiers are looked for in the normalised text (see ``normalise``:
    a number written with no-break spaces, dashes or full-width digits reads
    as a plain one) and replaced in the original, whose other characters stay
    as they were.
    """
    if not text.strip():
        return ScrubResult(text, ())
    normalised = normalise(text)
    merged = [
        Finding(finding.kind, *normalised.original_span(finding.start, finding.end))
        for finding in _find(normalised.text)
    ]
    parts = []
    position = 0
    for finding in merged:
        parts.append(text[position : finding.start])
        parts.append(PLACEHOLDERS[finding.kind])
        position = finding.end
    parts.append(text[position:])
    return ScrubResult("".join(parts), tuple(merged))


def _find(text: str) -> list[Finding]:
    """The identifiers in ``text``, merged where they overlap, in order."""
    spans = _deduce_spans(text)
    places = set(spans.places.items())

    findings: list[Finding] = []
    for annotate in _OWN_ANNOTATORS:
        findings.extend(annotate(text))
    findings.extend(_name_findings(text, spans, places))
    findings.extend(_triggered_names(text, places))
    findings.extend(_verb_names(text, places))
    findings.extend(_lowercase_names(text))
    if "," in text:
        findings.extend(_apposition_names(text, places))
    findings.extend(_street_findings(text, spans, places))
    findings.extend(_context_findings(text, places))
    findings.extend(Finding("DATUM", s, e) for s, e in spans.dates)

    # A name inside an institution's name ("Erasmus MC") is not scrubbed, nor
    # a country or organisation that looks like a name or street.
    known = [(m.start(), m.end()) for m in _KNOWN_NOT_PERSONAL.finditer(text)]
    findings = [
        f
        for f in findings
        if f.kind not in ("NAAM", "ADRES")
        or not (
            any(f.start < e and s < f.end for s, e in known)
            or (f.kind == "NAAM" and _is_inside(f.start, f.end, spans.institutions))
        )
    ]
    findings = [
        _extend_address(text, f, spans) if f.kind in ("ADRES", "POSTCODE") else f
        for f in findings
    ]

    protected = [(m.start(), m.end()) for m in _PLACEHOLDER.finditer(text)]
    if protected:
        findings = [
            f
            for f in findings
            if not any(f.start < e and s < f.end for s, e in protected)
        ]
    findings = [f for f in findings if f.end > f.start]
    return _merge(findings, text)
