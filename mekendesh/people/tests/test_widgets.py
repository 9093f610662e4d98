"""The drop-down list rendered in Python writes exactly what Django's own Select writes."""

from __future__ import annotations

from django import forms

from mekendesh.people.widgets import FastSelect

CHOICES = [
    ("", "— choose —"),
    ("Russia", [("RU-MOW", "Москва"), ("RU-SPE", 'Saint "Peter" & <burg>')]),
    ("KZ", "Kazakhstan"),
]


def test_a_grouped_list_with_a_chosen_option_and_htmx_attributes_is_written_as_django_writes_it():
    attrs = {"id": "id_host_region", "hx-get": "/me/register/host-regions/", "required": True, "disabled": False}
    fast = FastSelect(choices=CHOICES).render("host_region", "RU-SPE", attrs)
    slow = forms.Select(choices=CHOICES).render("host_region", "RU-SPE", attrs)
    assert fast == slow
    assert 'value="RU-SPE" selected>Saint &quot;Peter&quot; &amp; &lt;burg&gt;</option>' in fast
