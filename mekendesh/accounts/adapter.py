from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    """Public sign-up creates migrant accounts only; staff accounts are made by administrators."""
