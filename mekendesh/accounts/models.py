"""Users and their roles. A user signs in with an e-mail address (or a phone number); a staff
user has exactly one role, and a consular officer is bound to one or more consular districts."""

from __future__ import annotations

from typing import ClassVar

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    MIGRANT = "migrant", _("migrant")
    CONSULAR_OFFICER = "consular_officer", _("consular officer")
    MINISTRY_OFFICER = "ministry_officer", _("ministry case officer")
    SCREENING_ANALYST = "screening_analyst", _("screening analyst")
    STATISTICIAN = "statistician", _("statistician")
    DIASPORA_COORDINATOR = "diaspora_coordinator", _("diaspora coordinator")
    EDITOR = "editor", _("guidance editor")
    EMPLOYMENT_OFFICER = "employment_officer", _("employment officer")
    ADMINISTRATOR = "administrator", _("administrator")


STAFF_ROLES = frozenset(role for role in Role if role != Role.MIGRANT)


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra: object) -> User:
        if not email:
            raise ValueError("An e-mail address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra: object) -> User:
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra: object) -> User:
        extra.update(is_staff=True, is_superuser=True, role=Role.ADMINISTRATOR)
        return self._create_user(email, password, **extra)


class User(AbstractUser):
    username = None  # type: ignore[assignment]
    first_name = None  # type: ignore[assignment]
    last_name = None  # type: ignore[assignment]
    email = models.EmailField(_("e-mail address"), unique=True)
    phone = models.CharField(_("phone number"), max_length=20, blank=True, null=True, unique=True)
    full_name = models.CharField(_("full name"), max_length=200, blank=True)
    role = models.CharField(_("role"), max_length=32, choices=Role.choices, default=Role.MIGRANT)
    consular_districts = models.ManyToManyField(
        "reference.ConsularDistrict",
        blank=True,
        related_name="officers",
        verbose_name=_("consular districts"),
    )
    preferred_language = models.CharField(_("preferred language"), max_length=8, blank=True)
    # A consular officer who heads the consulate of their districts: overdue cases there are
    # escalated to them before the ministry.
    heads_consulate = models.BooleanField(
        _("head of the consulate"),
        default=False,
        help_text=_("Overdue assistance cases of the officer's districts are escalated to them."),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    # The stubs type AbstractUser's manager as Django's UserManager, which needs a username.
    objects: ClassVar[UserManager] = UserManager()  # type: ignore[assignment]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(heads_consulate=False) | models.Q(role="consular_officer"),
                name="only_consular_officers_head_consulates",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name or self.email

    @property
    def is_staff_role(self) -> bool:
        """Whether the account has a staff role (for templates; code asks
        ``accounts.permissions``)."""
        from mekendesh.accounts.permissions import is_staff_account

        return is_staff_account(self)
