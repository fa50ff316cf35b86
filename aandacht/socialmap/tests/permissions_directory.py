"""Permission rows of the social map's maintenance screens.

Gathered in test_permissions.py. ``MATRIX`` tries each screen on entries of
region zuid; ``NATIONAL_MATRIX`` tries the entry screens again on national
entries (region empty), which a national Vraagwijzer or coordinator and
every administrator keep, and everyone on the line reads. The rules are in
``socialmap/directory/access.py``.

The entries the matrix uses are made here too, and the other directory tests
use the same helpers.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from aandacht.core.tests.test_permissions import (
    DENIED,
    HIDDEN,
    MOVES_ON,
    OK,
    PERSONAS,
    TO_LOGIN,
    assert_answer,
    row,
)
from aandacht.socialmap.directory import services
from aandacht.socialmap.models import Synonym

# ------------------------------------------------------------------ entries


def make_organization(actor, region, name="Stichting Welzijn Zuid", **values):
    return services.organization_create(
        actor=actor, region=region, values={"name": name, **values}
    )


def make_service(actor, region, name="Buurtcentrum De Linde", **values):
    organization = values.pop("organization", None)
    lists = values.pop("lists", services.ServiceLists())
    return services.service_create(
        actor=actor,
        region=region,
        organization=organization,
        values={"name": name, **values},
        lists=lists,
    )


def national_service(cast, name="Landelijke Luisterlijn"):
    return make_service(cast["national"], None, name)


def zuid_service(cast, name="Buurtcentrum De Linde"):
    return make_service(cast["vraagwijzer_zuid"], cast.zuid, name)


# ------------------------------------------------------------------ rows

# Roles in the order of ROLES: volunteer, supervisor, vraagwijzer,
# coordinator, partner, admin.
LINE_READS = (OK, OK, OK, OK, DENIED, OK)
OTHER_REGION_READS = (HIDDEN, HIDDEN, HIDDEN, HIDDEN, DENIED, HIDDEN)
# Maintainers: the Vraagwijzer of a region, and every administrator (who
# keeps the national map); regional coordinators keep nothing.
MAINTAINERS = (DENIED, DENIED, OK, DENIED, DENIED, OK)
EDITS_OWN_REGION = (DENIED, DENIED, OK, DENIED, DENIED, DENIED)
# An administrator reads the region's entry but may not change it (403); one
# of another region does not see it (404).
EDITS_OTHER_REGION = (DENIED, DENIED, HIDDEN, DENIED, DENIED, HIDDEN)
HISTORY_OWN_REGION = (DENIED, DENIED, OK, DENIED, DENIED, OK)
SYNONYM_EDITORS = (DENIED, DENIED, OK, DENIED, DENIED, OK)
NATIONAL_EDITORS = (DENIED, DENIED, DENIED, DENIED, DENIED, OK)


def maintained(zuid, noord, national):
    return row(
        zuid=zuid, noord=noord, national=national, nobody=DENIED, anonymous=TO_LOGIN
    )


def _moves_on(answers):
    return tuple(MOVES_ON if answer == OK else answer for answer in answers)


MATRIX = {
    # The lists show the entries one keeps; the national coordinator keeps
    # the national map.
    "socialmap_directory": maintained(MAINTAINERS, MAINTAINERS, OK),
    "socialmap_organizations": maintained(MAINTAINERS, MAINTAINERS, OK),
    "socialmap_stale": maintained(MAINTAINERS, MAINTAINERS, OK),
    "socialmap_organization_new": maintained(MAINTAINERS, MAINTAINERS, OK),
    "socialmap_service_new": maintained(MAINTAINERS, MAINTAINERS, OK),
    # Everyone on the line reads an entry of their region.
    "socialmap_service_detail": row(
        zuid=LINE_READS,
        noord=OTHER_REGION_READS,
        national=OK,
        nobody=DENIED,
        anonymous=TO_LOGIN,
    ),
    "socialmap_organization_detail": row(
        zuid=LINE_READS,
        noord=OTHER_REGION_READS,
        national=OK,
        nobody=DENIED,
        anonymous=TO_LOGIN,
    ),
    # Only zuid's Vraagwijzer changes zuid's entries; the national
    # coordinator reads them (403), zuid's administrator too.
    "socialmap_service_edit": maintained(EDITS_OWN_REGION, EDITS_OTHER_REGION, DENIED),
    "socialmap_service_hours": maintained(EDITS_OWN_REGION, EDITS_OTHER_REGION, DENIED),
    "socialmap_service_verify": maintained(
        _moves_on(EDITS_OWN_REGION), EDITS_OTHER_REGION, DENIED
    ),
    "socialmap_organization_edit": maintained(
        EDITS_OWN_REGION, EDITS_OTHER_REGION, DENIED
    ),
    "socialmap_organization_verify": maintained(
        _moves_on(EDITS_OWN_REGION), EDITS_OTHER_REGION, DENIED
    ),
    "socialmap_service_history": maintained(HISTORY_OWN_REGION, EDITS_OTHER_REGION, OK),
    "socialmap_organization_history": maintained(
        HISTORY_OWN_REGION, EDITS_OTHER_REGION, OK
    ),
    # The synonym list is shared: Vraagwijzers and administrators keep it.
    "socialmap_synonyms": maintained(SYNONYM_EDITORS, SYNONYM_EDITORS, DENIED),
    "socialmap_synonym_new": maintained(SYNONYM_EDITORS, SYNONYM_EDITORS, DENIED),
    "socialmap_synonym_edit": maintained(SYNONYM_EDITORS, SYNONYM_EDITORS, DENIED),
    "socialmap_synonym_delete": maintained(SYNONYM_EDITORS, SYNONYM_EDITORS, DENIED),
}

# The same entry screens on a national entry.
NATIONAL_READS = (OK, OK, OK, OK, DENIED, OK)
NATIONAL_MATRIX = {
    "socialmap_service_detail": row(
        zuid=NATIONAL_READS,
        noord=NATIONAL_READS,
        national=OK,
        nobody=DENIED,
        anonymous=TO_LOGIN,
    ),
    "socialmap_organization_detail": row(
        zuid=NATIONAL_READS,
        noord=NATIONAL_READS,
        national=OK,
        nobody=DENIED,
        anonymous=TO_LOGIN,
    ),
    # A regional Vraagwijzer reads a national entry but may not change it.
    "socialmap_service_edit": maintained(NATIONAL_EDITORS, NATIONAL_EDITORS, OK),
    "socialmap_service_hours": maintained(NATIONAL_EDITORS, NATIONAL_EDITORS, OK),
    "socialmap_service_verify": maintained(
        _moves_on(NATIONAL_EDITORS), _moves_on(NATIONAL_EDITORS), MOVES_ON
    ),
    "socialmap_organization_edit": maintained(NATIONAL_EDITORS, NATIONAL_EDITORS, OK),
    "socialmap_organization_verify": maintained(
        _moves_on(NATIONAL_EDITORS), _moves_on(NATIONAL_EDITORS), MOVES_ON
    ),
    "socialmap_service_history": maintained(MAINTAINERS, MAINTAINERS, OK),
    "socialmap_organization_history": maintained(MAINTAINERS, MAINTAINERS, OK),
}

POSTS = {"socialmap_service_verify", "socialmap_organization_verify"}


def request_for(name: str, cast, national: bool) -> tuple[str, str]:
    region = None if national else cast.zuid
    actor = cast["national"] if national else cast["vraagwijzer_zuid"]
    method = "post" if name in POSTS else "get"
    if "_organization_" in name and name != "socialmap_organization_new":
        organization = make_organization(actor, region)
        return method, reverse(name, args=[organization.id])
    if "_service_" in name and name != "socialmap_service_new":
        service = make_service(actor, region)
        return method, reverse(name, args=[service.id])
    if name in {"socialmap_synonym_edit", "socialmap_synonym_delete"}:
        synonym = Synonym.objects.create(
            term="rouw", synonyms="verlies\nrouwverwerking"
        )
        return method, reverse(name, args=[synonym.pk])
    return method, reverse(name)


def _cases(matrix, national: bool, prefix: str = ""):
    """Like `cases`, with whether the entry is national."""
    return [
        pytest.param(name, persona, expected, national, id=f"{prefix}{name}-{persona}")
        for name, answers in matrix.items()
        for persona, expected in zip(PERSONAS, answers, strict=True)
    ]


DIRECTORY_CASES = _cases(MATRIX, False) + _cases(NATIONAL_MATRIX, True, "national-")


@pytest.mark.parametrize(("name", "persona", "expected", "national"), DIRECTORY_CASES)
def test_directory_permission_matrix(
    client, cast, login, name, persona, expected, national
):
    method, path = request_for(name, cast, national)
    if persona != "anonymous":
        login(cast[persona])
    response = getattr(client, method)(path)
    assert_answer(response, expected, path)


def test_the_national_rows_are_screens_of_the_matrix():
    assert set(NATIONAL_MATRIX) <= set(MATRIX)
