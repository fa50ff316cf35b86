"""Fixtures for contact reports: the default lists and ready-made reports."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from aandacht.contacts import services
from aandacht.contacts.defaults import install_defaults
from aandacht.contacts.models import Contact, CrisisResource, Source, Topic, TopicList


@pytest.fixture
def lists(db) -> TopicList:
    install_defaults(TopicList, Topic, Source, CrisisResource)
    return TopicList.objects.get(is_current=True)


def topic(code: str) -> Topic:
    return Topic.objects.get(topic_list__is_current=True, code=code)


def make_contact(volunteer, region, **overrides) -> Contact:
    """A stored report, as a volunteer would have registered it."""
    start = overrides.pop("started_at", timezone.now() - timedelta(minutes=25))
    values = {
        "channel": "phone",
        "started_at": start,
        "ended_at": start + timedelta(minutes=21),
        "loneliness": "out_of",
        "loneliness_kind": "emotional",
        "summary": "Mevrouw voelt zich alleen sinds haar man overleed.",
        **overrides,
    }
    topics = values.pop("topics", [])
    data = services.ContactInput(**values, topics=topics)
    return services.contact_register(
        volunteer=volunteer, region=region, data=data, key=uuid.uuid4()
    )
