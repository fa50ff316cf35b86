"""Topic lists are versioned: a report keeps the list it was made with."""

from __future__ import annotations

import pytest
from django.urls import reverse

from aandacht.contacts import services
from aandacht.contacts.models import Topic, TopicList

from .conftest import make_contact

pytestmark = pytest.mark.django_db


def test_a_new_version_leaves_old_reports_on_their_list(cast, lists):
    old = make_contact(cast["volunteer_zuid"], cast.zuid)
    new = services.topic_list_new_version(source=lists)
    Topic.objects.filter(topic_list=new, code="other").update(label_en="Something else")
    services.topic_list_make_current(topic_list=new)

    assert TopicList.objects.get(is_current=True) == new
    old.refresh_from_db()
    assert old.topic_list == lists
    assert make_contact(cast["volunteer_zuid"], cast.zuid).topic_list == new
    assert lists.topics.get(code="other").label_en == "Other"


def test_a_list_in_use_is_read_only_in_the_admin(client, cast, lists):
    from django.contrib.auth import get_user_model

    make_contact(cast["volunteer_zuid"], cast.zuid)
    root = get_user_model().objects.create_superuser("root", password="x" * 12)
    from conftest import verified_login

    verified_login(client, root)
    url = reverse("admin:contacts_topiclist_change", args=[lists.pk])
    response = client.post(url, {})
    assert response.status_code == 403
