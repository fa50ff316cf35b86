"""Numbers written with the characters pasted text and autocorrect bring.

Chat and mail text, and a word processor's autocorrect, write a number with
no-break spaces, dashes, zero-width characters or full-width digits. Each is
scrubbed as the plain number would be, and the text around it keeps its own
characters.
"""

from __future__ import annotations

import re

import pytest

from aandacht.privacy.normalise import normalise
from aandacht.privacy.scrub import scrub

NBSP, NNBSP, THIN = "\u00a0", "\u202f", "\u2009"
EN_DASH, EM_DASH, MINUS, NB_HYPHEN = "\u2013", "\u2014", "\u2212", "\u2011"
ZWSP, ZWJ, WORD_JOINER, BOM, SOFT_HYPHEN = (
    "\u200b",
    "\u200d",
    "\u2060",
    "\ufeff",
    "\u00ad",
)


def full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


PHONES = {
    "no-break spaces": f"06{NBSP}12{NBSP}34{NBSP}56{NBSP}78",
    "narrow no-break spaces": f"06{NNBSP}1234{NNBSP}5678",
    "thin spaces": f"010{THIN}123{THIN}45{THIN}67",
    "an en dash": f"06{EN_DASH}12345678",
    "an em dash": f"020{EM_DASH}1234567",
    "a minus sign": f"06{MINUS}12345678",
    "a non-breaking hyphen": f"06{NB_HYPHEN}12345678",
    "zero-width spaces": f"06{ZWSP}1234{ZWSP}5678",
    "a zero-width joiner": f"0612{ZWJ}345678",
    "word joiners": f"06{WORD_JOINER}12{WORD_JOINER}345678",
    "a byte-order mark": f"0612{BOM}345678",
    "soft hyphens": f"06{SOFT_HYPHEN}1234{SOFT_HYPHEN}5678",
    "full-width digits": full_width("0612345678"),
    "full-width digits and a plus": full_width("+31612345678"),
    "full-width with a no-break space": full_width("06")
    + NBSP
    + full_width("12345678"),
}


def digits_left(text: str) -> str:
    return "".join(re.findall(r"\d", text))


@pytest.mark.parametrize("number", PHONES.values(), ids=PHONES.keys())
def test_a_phone_number_in_any_of_these_characters_is_scrubbed(number):
    result = scrub(f"Ze belt vanaf {number} elke avond.")
    assert result.text == "Ze belt vanaf [TELEFOON] elke avond."
    assert digits_left(result.text) == ""


@pytest.mark.parametrize(
    "iban",
    [
        f"NL91{NBSP}ABNA{NBSP}0417{NBSP}1643{NBSP}00",
        f"NL91{NNBSP}ABNA{NNBSP}0417{NNBSP}1643{NNBSP}00",
        f"NL91{ZWSP}ABNA0417164300",
        full_width("NL91ABNA0417164300"),
    ],
    ids=[
        "no-break spaces",
        "narrow no-break spaces",
        "a zero-width space",
        "full-width",
    ],
)
def test_an_iban_in_any_of_these_characters_is_scrubbed(iban):
    result = scrub(f"Hij noemde zijn rekening {iban} erbij.")
    assert result.text == "Hij noemde zijn rekening [IBAN] erbij."


def test_an_email_address_with_a_full_width_at_sign_is_scrubbed():
    result = scrub("Ze mailt vanaf r.verhoeven\uff20voorbeeld.nl soms.")
    assert "voorbeeld" not in result.text
    assert "[E-MAIL]" in result.text


def test_the_text_around_a_replaced_number_keeps_its_own_characters():
    text = (
        f"Ze zei:{NBSP}\u00abik ben moe\u00bb{EM_DASH}en gaf "
        f"06{NBSP}12{NBSP}34{NBSP}56{NBSP}78 op. Caf\u00e9{NNBSP}om 10{EN_DASH}12 uur."
    )
    result = scrub(text)
    assert result.text == (
        f"Ze zei:{NBSP}\u00abik ben moe\u00bb{EM_DASH}en gaf "
        f"[TELEFOON] op. Caf\u00e9{NNBSP}om 10{EN_DASH}12 uur."
    )


def test_findings_point_into_the_original_text():
    text = f"Bel {ZWSP}{full_width('0612345678')} morgen."
    result = scrub(text)
    (finding,) = result.findings
    assert finding.kind == "TELEFOON"
    assert text[finding.start : finding.end].endswith(full_width("0612345678"))
    assert text[finding.end :] == " morgen."
    assert text[: finding.start] in ("Bel ", f"Bel {ZWSP}")


def test_plain_text_reads_as_it_is():
    text = "Ze belt vanaf 06-12345678 elke avond."
    assert normalise(text).text == text
    assert scrub(text).text == "Ze belt vanaf [TELEFOON] elke avond."


def test_a_ligature_that_grows_maps_back_to_its_one_character():
    normalised = normalise("\ufb01ets 06\u00a012345678")  # "ﬁets"
    assert normalised.text == "fiets 06 12345678"
    assert normalised.original_span(0, 2) == (0, 1)
    start = normalised.text.index("06")
    assert normalised.original_span(start, len(normalised.text)) == (5, 16)


def test_ordinary_words_with_these_characters_are_kept():
    text = (
        f"Ze zei{NBSP}dat het{EN_DASH}eindelijk{NNBSP}beter gaat, na 3{EN_DASH}4 weken."
    )
    assert scrub(text).text == text
