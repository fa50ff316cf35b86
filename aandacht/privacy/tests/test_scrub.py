"""Unit tests of the scrubber, per kind of identifier and for kept words.

All identifiers here are fictional (see ``corpus/README.md``).
"""

from __future__ import annotations

import dataclasses
import itertools
import subprocess
import sys
from pathlib import Path

import pytest

from aandacht.privacy.scrub import (
    KINDS,
    PLACEHOLDERS,
    Finding,
    ScrubResult,
    get_deduce,
    scrub,
)


def scrubbed(text: str) -> str:
    return scrub(text).text


def kinds(text: str) -> list[str]:
    return [f.kind for f in scrub(text).findings]


# --- each kind of identifier -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mevrouw Roos belde", "mevrouw [NAAM] belde"),
        ("Mevrouw Roos belde weer.", "Mevrouw [NAAM] belde weer."),
        ("Roos belde om tien uur.", "[NAAM] belde om tien uur."),
        ("Roos is 83 en woont alleen.", "[NAAM] is 83 en woont alleen."),
        ("Mijn dochter Hoop komt nooit.", "Mijn dochter [NAAM] komt nooit."),
        ("meneer De Jong was boos", "meneer [NAAM] was boos"),
        ("De Jong belde twee keer.", "[NAAM] belde twee keer."),
        ("Zon belde weer.", "[NAAM] belde weer."),
        ("Visser zei dat het goed ging.", "[NAAM] zei dat het goed ging."),
        ("Mevrouw Bloem is 83.", "Mevrouw [NAAM] is 83."),
        ("Haar kleinzoon Storm helpt haar.", "Haar kleinzoon [NAAM] helpt haar."),
        ("Dhr. Bakker en mw. J. Smit", "Dhr. [NAAM] en mw. [NAAM]"),
        ("Haar man Pieter-Jan van den Heuvel.", "Haar man [NAAM]."),
        ("Piet en Klaas kwamen langs.", "[NAAM] en [NAAM] kwamen langs."),
        ("Zijn dochter, Maaike, belt minder.", "Zijn dochter, [NAAM], belt minder."),
        ("mijn zoon kevin praat niet meer", "mijn zoon [NAAM] praat niet meer"),
        (
            "contact met Oluwaseun, haar buurjongen.",
            "contact met [NAAM], haar buurjongen.",
        ),
        ("haar hond Bram", "haar hond [NAAM]"),
        ("dr. Van Leeuwen belde", "dr. [NAAM] belde"),
        ("Dhr Bakker belde.", "Dhr [NAAM] belde."),
        ("Toen Zon belde, was ze blij.", "Toen [NAAM] belde, was ze blij."),
    ],
)
def test_names(text: str, expected: str) -> None:
    assert scrubbed(text) == expected


def test_phone_numbers_glued_to_a_label() -> None:
    assert scrubbed("tel:0612345678") == "tel:[TELEFOON]"
    assert scrubbed("tel.06-12345678 bellen") == "tel.[TELEFOON] bellen"


@pytest.mark.parametrize(
    "number",
    [
        "06-12345678",
        "06 1234 5678",
        "06-1234 5678",
        "0612345678",
        "06 12 34 56 78",
        "06.12.34.56.78",
        "(06) 12345678",
        "+31 6 12345678",
        "+316 12345678",
        "+31(0)6-12345678",
        "+31 (0)10 076 54 32",
        "0031 6 12345678",
        "0031-6-12345678",
        "010-0765432",
        "078 076 54 32",
        "(030) 076 54 32",
        "0251-076543",
        "088-0767000",
        "0800-0767",
        "0900-0767",
        "0900-1234567",
        "0900 1234567",
        "+32 460 00 00 01",
    ],
)
def test_phone_numbers(number: str) -> None:
    result = scrub(f"Bel haar op {number}, zei ze.")
    assert result.text == "Bel haar op [TELEFOON], zei ze."
    assert [f.kind for f in result.findings] == ["TELEFOON"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mail anna.voorbeeld@example.com.", "mail [E-MAIL]."),
        ("via JAN.DE.VRIES@EXAMPLE.ORG of", "via [E-MAIL] of"),
        ("@qq_marleen_fictief op Instagram", "[ACCOUNT] op Instagram"),
        ("als @sandra.fictief.1980.", "als [ACCOUNT]."),
        ("zie https://www.example.org/gedichten?id=3, dan", "zie [URL], dan"),
        ("zie www.example.com.", "zie [URL]."),
        ("zie example.com/groep/eenzaam-in-delft; hij", "zie [URL]; hij"),
        ("kijk op 113.nl", "kijk op [URL]"),
    ],
)
def test_email_handles_urls(text: str, expected: str) -> None:
    assert scrubbed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ze woont op de Kerkstraat 12 in Dordrecht.",
            "Ze woont op de [ADRES] in Dordrecht.",
        ),
        (
            "Ze woont op de Kerkstraat in Dordrecht.",
            "Ze woont op de [ADRES] in Dordrecht.",
        ),
        ("Burgemeester de Withstraat 4a", "[ADRES]"),
        ("aan de Laan van Meerdervoort", "aan de [ADRES]"),
        ("Lindelaan 33 bis.", "[ADRES]."),
        ("Ze woont op de Mient.", "Ze woont op de [ADRES]."),
        ("Hij woont op de Hoogstraat.", "Hij woont op de [ADRES]."),
        ("naar Molenweg 7, 3311 AB Dordrecht, een", "naar [ADRES], een"),
        ("Postbus 1234", "[ADRES]"),
        ("postcode 2517 AB en", "postcode [POSTCODE] en"),
        ("postcode 3072AP en", "postcode [POSTCODE] en"),
    ],
)
def test_addresses_and_postcodes(text: str, expected: str) -> None:
    assert scrubbed(text) == expected


@pytest.mark.parametrize(
    "iban",
    [
        "NL91ABNA0417164300",
        "NL91 ABNA 0417 1643 00",
        "nl91abna0417164300",
        "NL36ZZZZ5260181590",
        "NL40 QQQQ 8301 6613 18",
        "DE89 3704 0044 0532 0130 00",
        "DE89370400440532013000",
        "BE68 5390 0754 7034",
        "GB82 WEST 1234 5698 7654 32",
        "NL91 ABNA 0417 1643 01",  # a typo in a Dutch IBAN: still scrubbed
    ],
)
def test_ibans(iban: str) -> None:
    result = scrub(f"Rekening {iban}, zei hij.")
    assert result.text == "Rekening [IBAN], zei hij."


def test_foreign_iban_needs_the_check() -> None:
    """Failing the mod-97 check it is no IBAN, but still a long code (#14)."""
    assert scrubbed("code DE89370400440532013001 op") == "code [NUMMER] op"


@pytest.mark.parametrize(
    "bsn", ["925388853", "9931.41.705", "987 371 678", "111222333"]
)
def test_bsn_passing_the_11_test(bsn: str) -> None:
    assert scrubbed(f"Ze las {bsn} voor.") == "Ze las [BSN] voor."


def test_bsn_after_the_word_bsn_even_without_11_test() -> None:
    assert scrubbed("BSN: 123456789.") == "BSN: [BSN]."
    assert scrubbed("Haar burgerservicenummer is 123456789") == (
        "Haar burgerservicenummer is [BSN]"
    )


def test_a_long_number_without_a_format_is_scrubbed_as_a_number() -> None:
    """A client or case number identifies someone; amounts and counts stay."""
    text = "Het nummer op de brief was 123456789, zei hij."
    assert scrubbed(text) == "Het nummer op de brief was [NUMMER], zei hij."
    kept = "Het kost 125000 euro, ze krijgt 1450 per maand sinds 2019."
    assert scrubbed(kept) == kept


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Haar patiëntnummer is 4471203.", "Haar patiëntnummer is [NUMMER]."),
        ("Klantnummer AB-20931 op de brief.", "Klantnummer [NUMMER] op de brief."),
        ("Ze ligt op kamer 214.", "Ze ligt op [KAMER]."),
        (
            "Hij ligt in bed 3 op kamer 12, bij het raam.",
            "Hij ligt in [KAMER], bij het raam.",
        ),
        (
            "Ze zit in klas 4B van het Erasmiaans.",
            "Ze zit in [KLAS] van het Erasmiaans.",
        ),
        ("Ze zit in groep 7 van De Regenboog.", "Ze zit in [KLAS] van De Regenboog."),
        ("Een groep 8 jongeren hangt rond.", "Een groep 8 jongeren hangt rond."),
        (
            "Hij woont op nummer 23 van de Fluitekruidlaan.",
            "Hij woont op nummer 23 van de [ADRES].",
        ),
        ("Ze woont al jaren aan de Kastanjehof.", "Ze woont al jaren aan de [ADRES]."),
        ("Ze woont in de flat Zonnewende.", "Ze woont in de flat [ADRES]."),
        ("Ze woont op Texel.", "Ze woont op Texel."),
        ("Ze ligt sinds de val op 4B.", "Ze ligt sinds de val op [KAMER]."),
        ("Kamer 5, bed 2 is van haar.", "[KAMER] is van haar."),
        ("Hij zit in 3 havo.", "Hij zit in [KLAS]."),
        ("Het dossier ZK-204417 is dicht.", "Het dossier [NUMMER] is dicht."),
        ("Hij rijdt over de A12 naar huis.", "Hij rijdt over de A12 naar huis."),
        ("Ze ligt op de IC.", "Ze ligt op de IC."),
        (
            "Ze woont in Dordrecht, huisnummer 23.",
            "Ze woont in Dordrecht, huisnummer 23.",
        ),
    ],
)
def test_identifiers_known_by_where_they_stand(text: str, expected: str) -> None:
    assert scrubbed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("geboren 12-03-1954.", "geboren [DATUM]."),
        ("geboren 12-3-1954.", "geboren [DATUM]."),
        ("jarig op 21/06/1961 en", "jarig op [DATUM] en"),
        ("geboren op 12 maart 1954,", "geboren op [DATUM],"),
        ("geboren op 3 mei en", "geboren op [DATUM] en"),
        ("op 3 mei '54 geboren", "op [DATUM] geboren"),
        ("Op 1 januari werd ze 80.", "Op [DATUM] werd ze 80."),
    ],
)
def test_dates(text: str, expected: str) -> None:
    assert scrubbed(text) == expected


@pytest.mark.parametrize(
    "plate",
    [
        "QU-99-99",  # side code 1
        "99-99-QQ",  # 2
        "99-QC-99",  # 3
        "QA-12-QC",  # 4
        "QA-QC-12",  # 5
        "45-QQ-XZ",  # 6
        "12-QCW-3",  # 7
        "1-QEY-23",  # 8
        "QA-123-C",  # 9
        "Q-123-QA",  # 10
        "QAC-12-Q",  # 11
        "Q-12-QAC",  # 12
        "1-QA-234",  # 13
        "123-QA-4",  # 14
    ],
)
def test_licence_plates(plate: str) -> None:
    assert (
        scrubbed(f"De auto {plate} stond er weer.")
        == "De auto [KENTEKEN] stond er weer."
    )


# --- ordinary words and other things that are kept -----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Hij kreeg een roos van de buurvrouw.",
        "Ik heb hoop, zei ze.",
        "Ze heeft geen hoop meer.",
        "Hoop heeft hij niet meer.",
        "de zon scheen",
        "De zon scheen de hele dag.",
        "Ze had met een visser gepraat.",
        "een bloem in de vaas",
        "de jonge vrouw",
        "Storm en regen maken haar angstig.",
        "Winter is voor hem de zwaarste tijd.",
        "Winter heeft ze een hekel aan.",
        "ze is 83",
        "Ze is een echte 80-plusser.",
        "De 75-jarige beller.",
        "Een jongen van 16 in de chat.",
        "ze woont in Dordrecht",
        "Ze woont in Rotterdam-Zuid en Den Haag.",
        "Haar familie woont in Turkije en India.",
        "Ze woont in de Vogelwijk.",
        "Hij haalt boodschappen bij Albert Heijn.",
        "Een brief van Zilveren Kruis.",
        "Ze lag in het Erasmus MC.",
        "Verwezen naar de Vraagwijzer, MEE en het AMW.",
        "Zijn psychiater van Parnassia belt morgen.",
        "Ze praat met God.",
        "in maart 2020, sinds 2019, op dinsdag",
        "Om 03.15 uur belde ze.",
        "Een schuld van 12.000 euro.",
        "Bel 112 of 113.",
        "Gisteren belde ze weer.",
        "Niemand belde.",
        "Dinsdag komt de thuiszorg.",
        "COVID-19 was zwaar.",
        "Het Vondelpark was haar favoriete plek.",
        "Onderweg belde ze.",
        "Ze kijkt naar Boer zoekt Vrouw.",
        "Ze woont in Kinderdijk.",
        "Ze heeft een rekening bij de ING Bank.",
        "Ja, mijn zoon komt morgen.",
        "Eenzaamheid komt overal voor.",
    ],
)
def test_kept(text: str) -> None:
    assert scrubbed(text) == text


# --- offsets, shape, idempotence ----------------------------------------------


def test_offsets_point_into_the_original() -> None:
    text = (
        "Mevrouw Roos (06-12345678) woont op de Kerkstraat 12, mail roos@example.com."
    )
    result = scrub(text)
    assert [(f.kind, text[f.start : f.end]) for f in result.findings] == [
        ("NAAM", "Roos"),
        ("TELEFOON", "06-12345678"),
        ("ADRES", "Kerkstraat 12"),
        ("E-MAIL", "roos@example.com"),
    ]
    # Rebuilding the scrubbed text from the findings gives the same result.
    rebuilt, position = [], 0
    for finding in result.findings:
        rebuilt.append(text[position : finding.start] + PLACEHOLDERS[finding.kind])
        position = finding.end
    assert "".join(rebuilt) + text[position:] == result.text


def test_findings_are_sorted_and_do_not_overlap() -> None:
    result = scrub("NL91 ABNA 0417 1643 00 en 06 12 34 56 78 en Piet Visser.")
    spans = [(f.start, f.end) for f in result.findings]
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    assert [f.kind for f in result.findings] == ["IBAN", "TELEFOON", "NAAM"]


def test_overlapping_findings_merge_to_the_longest_kind() -> None:
    # Deduce sees a date in "06 12 34", the phone rule the whole number.
    result = scrub("Thijs (06 12 34 56 77) woont in Leiden.")
    assert result.text == "[NAAM] ([TELEFOON]) woont in Leiden."


def test_whitespace_punctuation_and_case_are_kept() -> None:
    text = "  Ze belde\tom 10 uur.\n\nHaar man Kees:  'Ik ben MOE!'  "
    assert (
        scrubbed(text) == "  Ze belde\tom 10 uur.\n\nHaar man [NAAM]:  'Ik ben MOE!'  "
    )


@pytest.mark.parametrize("text", ["", " ", "\n\t "])
def test_empty_text(text: str) -> None:
    assert scrub(text) == ScrubResult(text, ())


def test_placeholders_are_left_alone() -> None:
    text = "[NAAM] belde over [TELEFOON] en [ADRES], mevrouw [NAAM]."
    assert scrub(text) == ScrubResult(text, ())


@pytest.mark.parametrize(
    "text",
    [
        "Mevrouw Roos (06-12345678) woont op de Kerkstraat 12 in Dordrecht.",
        "Ze verhuist naar Molenweg 7, 3311 AB Dordrecht.",
        "BSN 987 371 678, geboren 12-03-1954, IBAN NL91 ABNA 0417 1643 00.",
        "Haar man Kees en dochter Hoop (@qq_liefje_fictief) belden.",
    ],
)
def test_idempotent(text: str) -> None:
    once = scrub(text).text
    assert scrub(once) == ScrubResult(once, tuple(f for f in scrub(once).findings))
    assert scrub(once).text == once


def test_long_text_is_scrubbed_throughout() -> None:
    note = "Mevrouw Roos (06-12345678) woont op de Kerkstraat 12 in Dordrecht. "
    result = scrub(note * 60 + "Haar zoon Daan belde ook.")
    assert result.text == (
        "Mevrouw [NAAM] ([TELEFOON]) woont op de [ADRES] in Dordrecht. " * 60
        + "Haar zoon [NAAM] belde ook."
    )


def test_a_long_run_of_names_is_not_slow() -> None:
    # Deduce's name extension is cubic in a run of names; scrub cuts it up.
    result = scrub("Jan " * 1500)
    assert result.text == "[NAAM] "


def test_result_types_are_frozen() -> None:
    result = scrub("Roos belde.")
    assert result.findings == (Finding("NAAM", 0, 4),)
    finding = result.findings[0]
    assert (finding.kind, finding.start, finding.end) == ("NAAM", 0, 4)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.text = "x"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        finding.kind = "URL"  # type: ignore[misc]


def test_every_kind_has_a_dutch_placeholder() -> None:
    assert set(KINDS) == set(PLACEHOLDERS)
    assert all(PLACEHOLDERS[kind] == f"[{kind}]" for kind in KINDS)


def test_deduce_is_created_once() -> None:
    assert get_deduce() is get_deduce()


def test_module_is_pure_and_leaves_logging_and_warnings_alone() -> None:
    code = (
        "import logging, sys, warnings\n"
        "filters = list(warnings.filters)\n"
        "import aandacht.privacy.scrub as s\n"
        "assert s.scrub('Roos belde.').text == '[NAAM] belde.'\n"
        "bad = [m for m in sys.modules if m.split('.')[0] == 'django'"
        " or (m.startswith('aandacht.') and not m.startswith('aandacht.privacy'))]\n"
        "assert not bad, bad\n"
        "assert logging.getLogger().handlers == [], logging.getLogger().handlers\n"
        "assert logging.getLogger().level == logging.WARNING\n"
        "assert list(warnings.filters) == filters\n"
    )
    done = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(__file__).resolve().parents[3],
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout == ""
