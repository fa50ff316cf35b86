"""`manage.py reindex_search` rebuilds what a direct database change left behind."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from aandacht.socialmap.models import Service
from aandacht.socialmap.search.engine import search_services

from .panel_setup import make_service

pytestmark = pytest.mark.django_db


def test_a_rename_behind_the_services_back_is_found_after_a_rebuild(cast) -> None:
    service = make_service("Buurtkamer De Kroon", cast.zuid)
    Service.objects.filter(id=service.id).update(name="Inloophuis Het Anker")
    assert search_services("inloophuis") == []
    out = StringIO()
    call_command("reindex_search", stdout=out)
    assert [hit.service_id for hit in search_services("inloophuis")] == [service.id]
    assert "1 services" in out.getvalue()
