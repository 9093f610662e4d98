"""Who may do what with credentials, as stated in the permissions table."""

from __future__ import annotations

import pytest

from mekendesh.accounts.permissions import can

ROLES = (
    "officer_moscow",
    "officer_other",
    "analyst",
    "statistician",
    "coordinator",
    "administrator",
    "migrant_account",
)

# action → the roles that may take it on Aigerim's Moscow stay.
RULES = {
    "credential.view": {"officer_moscow", "analyst"},
    "credential.issue": {"officer_moscow", "migrant_account"},
    "credential.revoke": {"officer_moscow"},
    "credential.reconcile": {"administrator"},
}


@pytest.mark.parametrize("action", sorted(RULES))
def test_each_credential_action_is_open_to_exactly_the_roles_it_names_for_the_stay(request, action, registered_migrant):
    stay = registered_migrant.stays.get()
    allowed = {role for role in ROLES if can(request.getfixturevalue(role), action, stay)}
    assert allowed == RULES[action]


def test_an_officer_of_another_district_may_take_credential_actions_only_in_their_own_district(officer_other):
    assert can(officer_other, "credential.view") and can(officer_other, "credential.revoke")
