"""Names of people in Kyrgyz, Russian, Kazakh, Tajik, Uzbek and Turkmen spellings.

A pure-Python library (no Django): script detection and homoglyph repair,
comparison keys that meet across scripts and spellings, ICAO 9303 passport
Latin, likely spelling variants, parsing of full names in any order, and a
part-by-part name comparison.
"""

from .compare import NameComparison, PartComparison, compare_names
from .keys import name_key, token_key, token_keys
from .parse import ParsedName, parse_name
from .script import detect_script, fix_homoglyphs, mixed_script_words
from .similarity import jaro_winkler
from .translit import icao_latin
from .variants import spelling_variants

__all__ = [
    "NameComparison",
    "ParsedName",
    "PartComparison",
    "compare_names",
    "detect_script",
    "fix_homoglyphs",
    "icao_latin",
    "jaro_winkler",
    "mixed_script_words",
    "name_key",
    "parse_name",
    "spelling_variants",
    "token_key",
    "token_keys",
]
