"""Research exports: the rows are the contacts, the dictionary explains them all.

The fixture year is 2024 in region zuid: three conversations and two
non-data contacts, with one contact each just inside and just outside the
year on the Dutch clock, one in 2023 and one in region noord.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections import Counter
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.http import StreamingHttpResponse
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from aandacht.contacts.models import Contact, Municipality, Source
from aandacht.contacts.services import municipalities_add
from aandacht.contacts.tests.conftest import (  # noqa: F401 (a fixture)
    lists,
    make_contact,
    topic,
)
from aandacht.core.models import AuditEvent
from aandacht.core.roles import Role
from aandacht.guidance import assistant
from aandacht.insights.exports import cells, csvfile, rows, services, xlsxfile
from aandacht.insights.exports.access import Scope
from aandacht.insights.exports.dictionary import data_dictionary
from aandacht.insights.period import Period
from aandacht.socialmap.models import Referral
from aandacht.socialmap.tests.panel_setup import make_service
from conftest import make_user

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
YEAR_2024 = {"first": "2024-01-01", "last": "2024-12-31"}
PII_SUMMARY = "Mevrouw Jansen belde van 06-12345678 over haar verdriet."
FORMULA_SUMMARY = "=HYPERLINK(zwaar gesprek) en verder rustig."


def local(year: int, month: int, day: int, hour: int, minute: int) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=AMSTERDAM)


@pytest.fixture
def year(cast, lists) -> dict[str, Any]:  # noqa: F811 (lists is a fixture)
    """The contacts of 2024 in zuid, and some that an export must leave out."""
    zuid, noord = cast.zuid, cast.noord
    ann = cast["volunteer_zuid"]
    bert = make_user("volunteer2_zuid", Role.VOLUNTEER, zuid)
    municipalities_add(region=zuid, rows=[("GM0363", "Amsterdam")])
    amsterdam = Municipality.objects.get(code="GM0363")
    lonely = make_contact(
        ann,
        zuid,
        started_at=local(2024, 3, 5, 21, 40),
        loneliness="out_of",
        loneliness_kind="emotional",
        topics=[topic("loneliness"), topic("grief")],
        gender="female",
        age_band="65-79",
        living_situation="alone",
        regular_caller=True,
        sought=["heard"],
        actions=["listened", "referred"],
        phases=["opening", "exploration", "closing"],
        summary=PII_SUMMARY,
        reflection="Ik vond dit gesprek zwaar, Ann.",
        referrals="Huisarts dokter Pietersen",
        typology=assistant.record(
            network="thinning",
            psychiatric="no",
            participation="yes",
            override="hopeful",
            reason="Ze had het over haar kleinzoon Daan.",
        ),
    )
    money = make_contact(
        bert,
        zuid,
        channel="chat",
        started_at=local(2024, 7, 1, 9, 5),
        loneliness="none",
        loneliness_kind="",
        topics=[topic("money_work")],
        gender="male",
        age_band="30-44",
        transfer="vraagwijzer",
        crisis=True,
        source=Source.objects.get(code="mee"),
        municipality=amsterdam,
        summary=FORMULA_SUMMARY,
    )
    mail = make_contact(
        ann,
        zuid,
        channel="mail",
        started_at=local(2024, 12, 31, 23, 30),
        loneliness="about",
        loneliness_kind="social",
        summary="",
    )
    Referral.objects.create(contact=mail, service=make_service("Buurtcentrum"))
    silent = make_contact(
        ann, zuid, started_at=local(2024, 5, 2, 3, 15), contact_type="silent"
    )
    hung_up = make_contact(
        bert, zuid, started_at=local(2024, 5, 3, 14, 0), contact_type="hung_up"
    )
    # Outside the export of zuid in 2024:
    make_contact(ann, zuid, started_at=local(2025, 1, 1, 0, 10))
    make_contact(ann, zuid, started_at=local(2023, 12, 31, 12, 0))
    make_contact(cast["volunteer_noord"], noord, started_at=local(2024, 6, 1, 12, 0))
    return {
        "contacts": [lonely, money, mail, silent, hung_up],
        "conversations": [lonely, money, mail],
        "ann": ann,
        "bert": bert,
    }


def english(client) -> None:
    client.cookies["django_language"] = "en"


def post_export(client, **data: Any):
    values = {"region": "zuid", **YEAR_2024, "file_format": "csv", **data}
    return client.post(reverse("insights_export"), values)


def unzip(response) -> dict[str, bytes]:
    assert isinstance(response, StreamingHttpResponse)
    content = response.getvalue()
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def read_csv(data: bytes, delimiter: str = ",") -> list[dict[str, str]]:
    text = data.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text), delimiter=delimiter))


def exported(client, **data: Any) -> list[dict[str, str]]:
    files = unzip(post_export(client, **data))
    return read_csv(files["contacts.csv"])


def column(rows_: list[dict[str, str]], name: str) -> Counter[str]:
    return Counter(row[name] for row in rows_)


# -- the rows ----------------------------------------------------------------


def test_the_rows_are_the_contacts_of_the_region_and_year(client, login, cast, year):
    english(client)
    login(cast["coordinator_zuid"])
    table = exported(client)
    contacts: list[Contact] = year["contacts"]
    conversations: list[Contact] = year["conversations"]

    assert len(table) == len(contacts)
    assert column(table, "region") == {"zuid": 5}
    for name in ("channel", "line_language", "contact_type"):
        assert column(table, name) == Counter(getattr(c, name) for c in contacts)
    assert column(table, "duration_seconds") == Counter(
        str(c.duration_seconds) for c in contacts
    )
    # Conversations only: non-data contacts leave these empty.
    assert column(table, "gender") == Counter(
        [*(c.gender for c in conversations), "", ""]
    )
    assert column(table, "age_band") == {"65-79": 1, "30-44": 1, "unknown": 1, "": 2}
    assert column(table, "loneliness") == {"out_of": 1, "none": 1, "about": 1, "": 2}
    assert column(table, "loneliness_kind") == {"emotional": 1, "social": 1, "": 3}
    assert column(table, "regular_caller") == {"1": 1, "0": 2, "": 2}
    assert column(table, "crisis") == {"1": 1, "0": 2, "": 2}
    assert column(table, "transfer") == {"none": 2, "vraagwijzer": 1, "": 2}
    assert column(table, "source") == {"mee": 1, "": 4}
    assert column(table, "municipality") == {"GM0363": 1, "": 4}
    assert column(table, "topic_loneliness") == {"1": 1, "0": 2, "": 2}
    assert column(table, "topic_grief") == {"1": 1, "0": 2, "": 2}
    assert column(table, "topic_money_work") == {"1": 1, "0": 2, "": 2}
    assert column(table, "topic_housing") == {"0": 3, "": 2}
    assert column(table, "sought_heard") == {"1": 1, "0": 2, "": 2}
    assert column(table, "action_referred") == {"1": 1, "0": 2, "": 2}
    assert column(table, "phase_closing") == {"1": 1, "0": 2, "": 2}
    assert column(table, "service_referrals") == {"1": 1, "0": 2, "": 2}
    assistants_type = year["contacts"][0].typology["type"]
    assert assistants_type not in {None, "hopeful"}  # the volunteer chose otherwise
    assert column(table, "typology_assistant") == {assistants_type: 1, "": 4}
    assert column(table, "typology_type") == {"hopeful": 1, "": 4}
    assert column(table, "typology_network") == {"thinning": 1, "": 4}
    assert column(table, "reviewed") == {"0": 3, "": 2}


def test_dates_and_hours_are_on_the_dutch_clock(client, login, cast, year):
    english(client)
    login(cast["coordinator_zuid"])
    table = exported(client)
    moments = sorted((row["date"], row["weekday"], row["hour"]) for row in table)
    assert moments == [
        ("2024-03-05", "2", "21"),
        ("2024-05-02", "4", "3"),
        ("2024-05-03", "5", "14"),
        ("2024-07-01", "1", "9"),
        # 23:30 on New Year's Eve is 22:30 UTC: still 2024, and the 00:10 of
        # 2025 (23:10 UTC on the 31st) is not in the year.
        ("2024-12-31", "2", "23"),
    ]


def test_a_national_coordinator_exports_every_region_together(
    client, login, cast, year
):
    english(client)
    login(cast["national"])
    table = exported(client, region="")
    assert column(table, "region") == {"zuid": 5, "noord": 1}


def test_volunteers_have_a_pseudonym_that_holds_within_one_export_only(
    client, login, cast, year
):
    english(client)
    login(cast["coordinator_zuid"])
    files = unzip(post_export(client))
    first = read_csv(files["contacts.csv"])
    again = read_csv(unzip(post_export(client))["contacts.csv"])
    by_date = {row["date"]: row["volunteer"] for row in first}
    ann, bert = by_date["2024-03-05"], by_date["2024-07-01"]
    assert ann != bert
    assert by_date["2024-12-31"] == by_date["2024-05-02"] == ann
    assert by_date["2024-05-03"] == bert
    assert {row["volunteer"] for row in again}.isdisjoint({ann, bert})
    assert all(re.fullmatch(r"v[0-9a-f]{10}", row["volunteer"]) for row in first)
    for name in ("volunteer_zuid", "volunteer2_zuid"):
        assert name.encode() not in files["contacts.csv"]


# -- free text ---------------------------------------------------------------


def _free_texts(contacts: list[Contact]) -> list[str]:
    """Every piece of free text stored with the fixture contacts."""
    texts = []
    for contact in contacts:
        texts += [contact.reflection, contact.referrals]
        texts.append(contact.typology.get("override_reason", ""))
    return [text for text in texts if text]


def test_no_free_text_unless_the_summaries_are_asked_for(client, login, cast, year):
    english(client)
    login(cast["coordinator_zuid"])
    files = unzip(post_export(client))
    content = files["contacts.csv"].decode("utf-8-sig")
    assert "summary" not in read_csv(files["contacts.csv"])[0]
    stored = [c.summary for c in year["contacts"] if c.summary]
    assert len(stored) == 2
    for text in [*stored, *_free_texts(year["contacts"])]:
        assert text[:20] not in content


def test_included_summaries_are_the_scrubbed_ones_and_nothing_else(
    client, login, cast, year
):
    english(client)
    login(cast["coordinator_zuid"])
    table = exported(client, include_summaries="on")
    lonely = year["contacts"][0]
    assert "06-12345678" not in lonely.summary  # scrubbed when it was stored
    summaries = {row["date"]: row["summary"] for row in table}
    assert summaries["2024-03-05"] == lonely.summary
    assert summaries["2024-05-02"] == ""  # a silent contact has none
    content = "\n".join(",".join(row.values()) for row in table)
    assert "06-12345678" not in content
    assert "Jansen" not in content
    for text in _free_texts(year["contacts"]):
        assert text[:20] not in content


def test_a_summary_that_looks_like_a_formula_stays_text(client, login, cast, year):
    english(client)
    login(cast["coordinator_zuid"])
    table = exported(client, include_summaries="on")
    summary = {row["date"]: row["summary"] for row in table}["2024-07-01"]
    assert summary.startswith("'=")
    assert summary[1:] == year["contacts"][1].summary


@pytest.mark.parametrize("text", ["=1+1", "+31", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_cells_that_a_spreadsheet_would_calculate_get_an_apostrophe(text):
    assert cells.safe_text(text) == "'" + text
    assert cells.safe_text("0-17") == "0-17"
    assert cells.safe_text(None) == ""
    assert cells.safe_text(12) == "12"


# -- the dictionary ------------------------------------------------------------


def test_the_dictionary_explains_every_column_and_every_code(client, login, cast, year):
    english(client)
    login(cast["coordinator_zuid"])
    files = unzip(post_export(client, include_summaries="on"))
    table = read_csv(files["contacts.csv"])
    explained = read_csv(files["data-dictionary.csv"])
    header = list(table[0])
    dictionary = data_dictionary(include_summaries=True)
    assert header == dictionary.names
    assert [row["Column"] for row in explained if row["Description"]] == header
    codes: dict[str, set[str]] = {}
    for entry in explained:
        if entry["Code"]:
            codes.setdefault(entry["Column"], set()).add(entry["Code"])
    for name in header:
        described = next(c for c in dictionary.columns if c.name == name)
        assert described.description
        if name in codes:
            used = {row[name] for row in table} - {""}
            assert used <= codes[name], name
    assert codes["channel"] == {"phone", "chat", "mail"}
    assert "Out of loneliness" in {e["Label"] for e in explained}


def test_every_value_the_rows_make_has_a_column(lists):  # noqa: F811
    """A value the row code makes for a column the dictionary lacks is lost."""
    made = set(rows._conversation_values(_record(), referrals=0))
    made |= {"region", "date", "weekday", "hour", "channel", "line_language"}
    made |= {"contact_type", "source", "duration_seconds", "volunteer"}
    assert made <= set(data_dictionary(include_summaries=True).names)


def _record() -> dict[str, Any]:
    return {
        "municipality__code": None,
        "gender": "unknown",
        "age_band": "unknown",
        "living_situation": "unknown",
        "regular_caller": False,
        "loneliness": "none",
        "loneliness_kind": "",
        "transfer": "none",
        "crisis": False,
        "typology": {},
        "read_at": None,
    }


def test_the_dictionary_page_lists_every_column(client, login, cast, lists):  # noqa: F811
    english(client)
    login(cast["coordinator_zuid"])
    response = client.get(reverse("insights_export_dictionary"))
    page = response.content.decode()
    for name in data_dictionary(include_summaries=True).names:
        assert f'id="column-{name}"' in page
    assert "Out of loneliness" in page


def test_the_dictionary_follows_the_interface_language(client, login, cast, year):
    login(cast["coordinator_zuid"])  # Dutch by default
    files = unzip(post_export(client))
    first_line = files["data-dictionary.csv"].decode("utf-8-sig").splitlines()[0]
    assert first_line.count(";") == 3  # Excel's separator in Dutch
    assert "Out of loneliness" not in files["data-dictionary.csv"].decode()
    table = read_csv(files["contacts.csv"], delimiter=";")
    assert column(table, "channel") == {"phone": 3, "chat": 1, "mail": 1}


# -- audit ---------------------------------------------------------------------


def test_every_export_is_recorded_in_the_audit_log(client, login, cast, year):
    login(cast["coordinator_zuid"])
    unzip(post_export(client))
    post_export(client, file_format="xlsx", include_summaries="on")
    events = AuditEvent.objects.filter(action=services.EXPORT_ACTION).order_by("id")
    assert [(e.actor, e.region) for e in events] == [
        (cast["coordinator_zuid"], cast.zuid)
    ] * 2
    assert [e.detail for e in events] == [
        {
            "format": "csv",
            "rows": 5,
            "first": "2024-01-01",
            "last": "2024-12-31",
            "scope": "zuid",
            "summaries": False,
        },
        {
            "format": "xlsx",
            "rows": 5,
            "first": "2024-01-01",
            "last": "2024-12-31",
            "scope": "zuid",
            "summaries": True,
        },
    ]


def test_a_national_export_is_audited_without_a_region(client, login, cast, year):
    login(cast["national"])
    post_export(client, region="")
    event = AuditEvent.objects.get(action=services.EXPORT_ACTION)
    assert event.region is None
    assert event.detail["scope"] == "all"
    assert event.detail["rows"] == 6


# -- XLSX ----------------------------------------------------------------------


def test_the_workbook_has_the_contacts_and_the_dictionary(client, login, cast, year):
    english(client)
    login(cast["coordinator_zuid"])
    response = post_export(client, file_format="xlsx", include_summaries="on")
    assert response["Content-Disposition"].endswith(
        'filename="contacts-zuid-20240101-20241231.xlsx"'
    )
    workbook = load_workbook(io.BytesIO(response.getvalue()))
    assert workbook.sheetnames == ["contacts", "dictionary"]
    sheet = list(workbook["contacts"].values)
    header, body = list(sheet[0]), sheet[1:]
    assert header == data_dictionary(include_summaries=True).names
    assert Counter(row[header.index("channel")] for row in body) == {
        "phone": 3,
        "chat": 1,
        "mail": 1,
    }
    assert Counter(row[header.index("crisis")] for row in body) == {
        1: 1,
        0: 2,
        None: 2,
    }
    formula = next(row for row in body if row[header.index("channel")] == "chat")
    assert formula[header.index("summary")] == "'" + year["contacts"][1].summary
    explained = list(workbook["dictionary"].values)
    assert {row[0] for row in explained[1:]} == set(header)


def test_too_many_rows_for_a_workbook_are_refused_with_a_way_out(
    client, login, cast, year, monkeypatch
):
    monkeypatch.setattr(xlsxfile, "XLSX_ROW_LIMIT", 4)
    english(client)
    login(cast["coordinator_zuid"])
    response = post_export(client, file_format="xlsx", include_summaries="on")
    page = response.content.decode()
    assert response.status_code == 200
    assert "These are 5 contacts" in page
    assert "Choose CSV" in page
    assert 'value="2024-01-01"' in page  # the choices are kept
    assert re.search(r'value="xlsx"[^>]* checked', page)
    assert re.search(r'name="include_summaries"[^>]* checked', page)
    assert not AuditEvent.objects.filter(action=services.EXPORT_ACTION).exists()
    # The same export as CSV goes through.
    assert len(exported(client, include_summaries="on")) == 5


def test_a_last_day_before_the_first_is_explained(client, login, cast, year):
    english(client)
    login(cast["coordinator_zuid"])
    response = post_export(client, first="2024-12-31", last="2024-01-01")
    assert "The last day comes before the first day." in response.content.decode()
    assert not AuditEvent.objects.filter(action=services.EXPORT_ACTION).exists()


def test_a_coordinator_cannot_export_another_region(client, login, cast, year):
    login(cast["coordinator_noord"])
    assert post_export(client, region="zuid").status_code == 404
    assert post_export(client, region="").status_code == 200  # asked to choose
    assert not AuditEvent.objects.filter(action=services.EXPORT_ACTION).exists()


# -- streaming -----------------------------------------------------------------


def test_rows_are_read_a_chunk_at_a_time(cast, year, django_assert_num_queries):
    """One cursor for the contacts, and two queries per chunk, whatever the size."""
    spec = rows.ExportSpec(Scope(cast.zuid), Period.year(2024))
    dictionary = data_dictionary()
    with django_assert_num_queries(1 + 2 * 3):
        produced = list(rows.export_rows(spec, dictionary, chunk_size=2))
    assert len(produced) == 5


def test_the_csv_export_streams(client, login, cast, year):
    login(cast["coordinator_zuid"])
    response = post_export(client)
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "application/zip"
    assert "no-store" in response["Cache-Control"]
    assert response["Content-Disposition"] == (
        'attachment; filename="contacts-zuid-20240101-20241231.zip"'
    )


def test_the_first_bytes_leave_before_the_last_contacts_are_read(
    client, login, cast, year, monkeypatch
):
    """What makes 3.5 million rows possible: nothing waits for the whole set."""
    monkeypatch.setattr(rows, "CHUNK_SIZE", 2)
    monkeypatch.setattr(csvfile, "ROWS_PER_FLUSH", 1)
    login(cast["coordinator_zuid"])
    response = post_export(client)
    content = iter(response.streaming_content)
    with CaptureQueriesContext(connection) as queries:
        first = next(content)
    assert first.startswith(b"PK")  # a zip file's first bytes
    # The contacts' cursor and the first chunk's topics and referrals only.
    assert len(queries) == 3
    with CaptureQueriesContext(connection) as queries:
        rest = b"".join(content)
    assert len(queries) == 2 * 2  # the two chunks still to come
    with zipfile.ZipFile(io.BytesIO(first + rest)) as archive:
        assert len(read_csv(archive.read("contacts.csv"))) == 5


def test_the_form_warns_before_summaries_are_included(client, login, cast, lists):  # noqa: F811
    english(client)
    login(cast["national"])
    page = client.get(reverse("insights_export")).content.decode()
    assert '<option value="" selected>All regions</option>' in page
    assert "Warning:" in page
    assert "a story can still point to a person" in page
    assert 'aria-describedby="id_include_summaries_helptext"' in page
    assert 'id="id_include_summaries_helptext"' in page


def test_codes_an_administrator_typed_cannot_become_formulas(client, login, cast, year):
    Municipality.objects.filter(code="GM0363").update(code="=2+3")
    english(client)
    login(cast["coordinator_zuid"])
    table = exported(client)
    assert column(table, "municipality") == {"'=2+3": 1, "": 4}
