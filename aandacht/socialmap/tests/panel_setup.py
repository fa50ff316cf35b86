"""Services for the contact form's social-map panel tests."""

from __future__ import annotations

from typing import Any

from aandacht.socialmap.models import (
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceArea,
)
from aandacht.socialmap.search.index import reindex

WORKDAYS = "MO,TU,WE,TH,FR"


def make_service(name: str, region=None, **values: Any) -> Service:
    """A service with a phone, an area and (unless told otherwise) workday hours."""
    hours = values.pop("hours", ("09:00", "17:00", WORKDAYS))
    phone = values.pop("phone", "030 123 4567")
    area = values.pop("area", "Utrecht")
    organization = Organization.objects.create(name=f"Stichting {name}", region=region)
    service = Service.objects.create(
        name=name, organization=organization, region=region, **values
    )
    Phone.objects.create(service=service, number=phone)
    ServiceArea.objects.create(service=service, name=area)
    if hours:
        opens, closes, days = hours
        Schedule.objects.create(
            service=service, freq="WEEKLY", byday=days, opens_at=opens, closes_at=closes
        )
    reindex([service.id])
    return service
