"""Languages of the register: the interface languages and those of neighbouring countries whose
spellings of names the register meets (ISO 639-1 codes)."""

from __future__ import annotations

# code, English, Russian, Kyrgyz, Turkmen
LANGUAGES: list[tuple[str, str, str, str, str]] = [
    ("ky", "Kyrgyz", "Кыргызский", "Кыргыз тили", "Gyrgyz dili"),
    ("ru", "Russian", "Русский", "Орус тили", "Rus dili"),
    ("tk", "Turkmen", "Туркменский", "Түркмөн тили", "Türkmen dili"),
    ("en", "English", "Английский", "Англис тили", "Iňlis dili"),
    ("uz", "Uzbek", "Узбекский", "Өзбек тили", "Özbek dili"),
    ("tg", "Tajik", "Таджикский", "Тажик тили", "Täjik dili"),
    ("kk", "Kazakh", "Казахский", "Казак тили", "Gazak dili"),
]
