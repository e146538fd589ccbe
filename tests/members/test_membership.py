import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from members.membership import is_member

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def test_anonymous_visitor_is_not_a_member():
    assert not is_member(AnonymousUser())


def test_user_without_a_school_is_not_a_member(non_member):
    assert not is_member(non_member)


def test_user_of_a_current_member_school_is_a_member(member):
    assert is_member(member)


def test_active_staff_is_a_member_without_a_school(staff_user):
    assert is_member(staff_user)


def test_inactive_user_of_a_member_school_is_not_a_member(member):
    member.is_active = False

    assert not is_member(member)


def test_membership_covers_its_last_day(member, member_school):
    member_school.membership_expires = timezone.localdate()

    assert is_member(member)


def test_membership_ends_the_day_after_it_expires(member, member_school):
    member_school.membership_expires = timezone.localdate() - DAY

    assert not is_member(member)


def test_membership_starts_on_its_first_day(member, member_school):
    member_school.member_since = timezone.localdate()
    member_school.membership_expires = None

    assert is_member(member)


def test_membership_that_has_not_started_does_not_count(member, member_school):
    member_school.member_since = timezone.localdate() + DAY

    assert not is_member(member)


def test_the_query_and_the_property_agree_on_who_is_a_member(db):
    from members.models import School

    today = timezone.localdate()
    dates = [None, today - 2 * DAY, today - DAY, today, today + DAY]
    schools = [
        School.objects.create(
            name=f"S{n}", slug=f"s{n}", member_since=start, membership_expires=end
        )
        for n, (start, end) in enumerate((s, e) for s in dates for e in dates)
    ]

    for day in (today - DAY, today, today + DAY):
        in_query = set(School.objects.members_on(day))
        assert in_query == {school for school in schools if school.is_member_on(day)}
