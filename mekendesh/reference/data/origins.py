"""The regions and districts of every country of origin Mekendesh can serve
(:mod:`mekendesh.origin`), by ISO 3166-1 alpha-2 code. All four are loaded into every database:
a person's place of origin is sometimes in a neighbouring country of origin."""

from __future__ import annotations

from mekendesh.reference.data import kyrgyzstan, tajikistan, turkmenistan, uzbekistan
from mekendesh.reference.data.divisions import Divisions

DIVISIONS: dict[str, Divisions] = {
    module.DIVISIONS.country: module.DIVISIONS for module in (kyrgyzstan, turkmenistan, tajikistan, uzbekistan)
}

# Region codes that are not ISO 3166-2 codes (each with its reason), over all countries of origin.
NOT_IN_ISO_3166_2: dict[str, str] = dict(turkmenistan.NOT_IN_ISO_3166_2)
