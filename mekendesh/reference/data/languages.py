"""Languages of the register: the interface languages and those of neighbouring countries whose
spellings of names the register meets (ISO 639-1 codes), named in each interface language."""

from __future__ import annotations

from typing import NamedTuple


class LanguageRow(NamedTuple):
    code: str
    name_en: str
    name_ru: str
    name_ky: str
    name_tk: str
    name_tg: str
    name_uz: str


LANGUAGES: list[LanguageRow] = [
    LanguageRow("ky", "Kyrgyz", "Кыргызский", "Кыргыз тили", "Gyrgyz dili", "Забони қирғизӣ", "Qirgʻiz tili"),
    LanguageRow("ru", "Russian", "Русский", "Орус тили", "Rus dili", "Забони русӣ", "Rus tili"),
    LanguageRow("tk", "Turkmen", "Туркменский", "Түркмөн тили", "Türkmen dili", "Забони туркманӣ", "Turkman tili"),
    LanguageRow("en", "English", "Английский", "Англис тили", "Iňlis dili", "Забони англисӣ", "Ingliz tili"),
    LanguageRow("uz", "Uzbek", "Узбекский", "Өзбек тили", "Özbek dili", "Забони ӯзбекӣ", "Oʻzbek tili"),
    LanguageRow("tg", "Tajik", "Таджикский", "Тажик тили", "Täjik dili", "Забони тоҷикӣ", "Tojik tili"),
    LanguageRow("kk", "Kazakh", "Казахский", "Казак тили", "Gazak dili", "Забони қазоқӣ", "Qozoq tili"),
]
