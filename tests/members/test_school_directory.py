import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from members.models import School

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
YEAR = datetime.timedelta(days=365)


@pytest.fixture
def schools(db):
    def school(name, la, phase, since=TODAY - YEAR, until=TODAY + YEAR):
        return School.objects.create(
            name=name,
            slug=name.lower().replace(" ", "-"),
            local_authority=la,
            phase=phase,
            member_since=since,
            membership_expires=until,
        )

    return [
        school("Calder Vale Primary", "Pennine Vale", "Primary"),
        school("Greystone Bridge Academy", "Pennine Vale", "Secondary"),
        school("Scarbeck Primary", "Kirkdale", "Primary"),
        school(
            "Lapsed Lane Primary", "Kirkdale", "Primary", until=TODAY - datetime.timedelta(days=1)
        ),
        school("Never Member School", "Kirkdale", "Secondary", since=None, until=None),
    ]


def names(response):
    return [school.name for school in response.context["schools"]]


def test_directory_lists_current_member_schools_only(client, schools):
    response = client.get(reverse("members:school-list"))

    assert names(response) == [
        "Calder Vale Primary",
        "Greystone Bridge Academy",
        "Scarbeck Primary",
    ]


def test_directory_filters_by_local_authority(client, schools):
    response = client.get(reverse("members:school-list"), {"local_authority": "Kirkdale"})

    assert names(response) == ["Scarbeck Primary"]


def test_directory_filters_by_phase(client, schools):
    response = client.get(reverse("members:school-list"), {"phase": "Secondary"})

    assert names(response) == ["Greystone Bridge Academy"]


def test_directory_searches_by_name(client, schools):
    response = client.get(reverse("members:school-list"), {"q": "calder"})

    assert names(response) == ["Calder Vale Primary"]


def test_directory_offers_only_the_filters_members_have(client, schools):
    response = client.get(reverse("members:school-list"))

    assert list(response.context["local_authorities"]) == ["Kirkdale", "Pennine Vale"]


@pytest.mark.parametrize("page", ["2", "x", "-1"])
def test_directory_junk_pages_are_not_found(client, schools, page):
    assert client.get(reverse("members:school-list"), {"page": page}).status_code == 404


@pytest.mark.parametrize("field", ["q", "local_authority", "phase"])
def test_hostile_filters_answer_cleanly(client, schools, field):
    response = client.get(reverse("members:school-list"), {field: "'%\x00" + "a" * 5000})

    assert response.status_code == 200
