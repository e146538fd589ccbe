"""Deleting a school says who loses member access, and offers to end its membership."""

import pytest
from django.urls import reverse
from django.utils import timezone

from members.models import School

pytestmark = pytest.mark.django_db


def test_the_delete_page_says_how_many_people_lose_access_and_offers_to_end_membership(
    client, membership_manager, member_school, member, django_user_model
):
    django_user_model.objects.create_user("second@calder-vale.example", school=member_school)
    client.force_login(membership_manager)

    html = client.get(
        reverse("admin:members_school_delete", args=[member_school.pk])
    ).content.decode()

    assert "2 people lose member access" in html
    assert "End its membership now instead" in html


def test_ending_the_membership_keeps_the_school_and_its_people(
    client, membership_manager, member_school, member
):
    client.force_login(membership_manager)

    client.post(reverse("admin:members_school_end_membership", args=[member_school.pk]))

    school = School.objects.get(pk=member_school.pk)
    member.refresh_from_db()
    assert school.membership_expires < timezone.localdate()
    assert member.school == school and not member.is_member


def test_the_bulk_delete_summary_counts_people_losing_access(
    client, membership_manager, member_school, member
):
    client.force_login(membership_manager)

    html = client.post(
        reverse("admin:members_school_changelist"),
        {"action": "delete_selected", "_selected_action": [member_school.pk]},
    ).content.decode()

    assert "People who lose member access (their accounts stay): 1" in html
