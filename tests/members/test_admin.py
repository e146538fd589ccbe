import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from members.models import School

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def schools(db):
    def school(
        name, urn, postcode, la="Pennine Vale", expires=TODAY + datetime.timedelta(days=200)
    ):
        return School.objects.create(
            name=name,
            slug=name.lower().replace(" ", "-"),
            urn=urn,
            postcode=postcode,
            local_authority=la,
            phase="Primary",
            member_since=TODAY - datetime.timedelta(days=300),
            membership_expires=expires,
        )

    return {
        "steady": school("Steady Primary", "111111", "HX1 1AA"),
        "lapsing": school(
            "Lapsing Primary", "222222", "HX2 2BB", expires=TODAY + datetime.timedelta(days=12)
        ),
        "ended": school(
            "Ended Primary",
            "333333",
            "OL1 3CC",
            la="Holme Moor",
            expires=TODAY - datetime.timedelta(days=3),
        ),
    }


def changelist(client, **params):
    return client.get(reverse("admin:members_school_changelist"), params)


def listed(response):
    return sorted(school.name for school in response.context["cl"].result_list)


@pytest.mark.parametrize(
    ("term", "found"),
    [("lapsing", "Lapsing Primary"), ("333333", "Ended Primary"), ("HX1", "Steady Primary")],
)
def test_staff_find_schools_by_name_urn_or_postcode(admin_client, schools, term, found):
    assert listed(changelist(admin_client, q=term)) == [found]


def test_schools_filter_by_membership_state(admin_client, schools):
    assert listed(changelist(admin_client, membership="current")) == [
        "Lapsing Primary",
        "Steady Primary",
    ]
    assert listed(changelist(admin_client, membership="lapsing")) == ["Lapsing Primary"]
    assert listed(changelist(admin_client, membership="expired")) == ["Ended Primary"]


def test_schools_filter_by_local_authority(admin_client, schools):
    assert listed(changelist(admin_client, local_authority="Holme Moor")) == ["Ended Primary"]


def test_school_list_counts_each_schools_people(admin_client, schools, django_user_model):
    for n in range(2):
        django_user_model.objects.create_user(f"p{n}@steady.example", "x", school=schools["steady"])

    response = changelist(admin_client)
    counts = {s.name: s.people_total for s in response.context["cl"].result_list}

    assert counts == {"Steady Primary": 2, "Lapsing Primary": 0, "Ended Primary": 0}


def test_memberships_lapsing_within_30_days_are_highlighted(admin_client, schools):
    html = changelist(admin_client).content.decode()

    assert '<strong style="color:#a1161b">Lapses in 12 days' in html
    assert html.count("Lapses in") == 1
