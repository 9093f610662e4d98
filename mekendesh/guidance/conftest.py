"""Guidance test actors: an editor and the diaspora coordinator (the shared fixture) write and
review one another's texts; ``starter_set`` is the demo's published guidance."""

from __future__ import annotations

import pytest


@pytest.fixture
def editor(db):
    from mekendesh.accounts.models import User

    return User.objects.create_user(
        email="editor@mfa.example", password="x-correct-horse-7", role="editor", full_name="editor"
    )


@pytest.fixture
def starter_set(places, editor, coordinator):
    from mekendesh.guidance.demo import guidance_demo_load

    guidance_demo_load(writer=editor, reviewer=coordinator)
