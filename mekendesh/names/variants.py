"""The spellings a person is likely to carry, for an officer to see.

:func:`spelling_variants` returns, for a name in any script:

* ``passport_latin`` — ICAO 9303 Latin (current), then the older Russian-passport
  style (Й → Y, Ю → YU, Я → YA) still found in passports issued before 2013;
* ``russian`` — how Russian lists usually write a Kyrgyz, Kazakh, Turkmen or
  Uzbek name (Жээнбек → Женбек, Мөңкөбаева → Монкобаева,
  Döwletgeldi Çaryýew → Довлетгелди Чарыев);
* ``informal_latin`` — how people write their own name in Latin letters
  (Jeenbek, Japarov, Muxtarbek ...);
* ``kyrgyz_cyrillic`` — Kyrgyz Cyrillic, when the input is Kyrgyz Cyrillic itself or
  can be derived from Latin (ö ü ň, doubled vowels).

Each list is deduplicated, the most usual spelling first.
"""

from __future__ import annotations

import re
import unicodedata

from .keys import CONNECTORS, token_key
from .script import CYRILLIC, LATIN, detect_script, fix_homoglyphs
from .translit import icao_latin

# --- Kyrgyz / Kazakh / Tajik / Uzbek Cyrillic -> Russian Cyrillic ---------------
_TO_RUSSIAN: dict[str, str] = {
    "ң": "н",
    "ө": "о",
    "ү": "у",
    "ә": "а",
    "ғ": "г",
    "қ": "к",
    "ұ": "у",
    "һ": "х",
    "і": "и",
    "ӣ": "и",
    "ӯ": "у",
    "ҳ": "х",
    "ҷ": "дж",
    "ў": "у",
}
_RUSSIAN_DOUBLES = re.compile(r"([аэеоуыиөүАЭЕОУЫИӨҮ])\1", re.IGNORECASE)


def _cyrillic_to_russian(text: str, *, soft_vowels: bool = False, single_vowels: bool = True) -> str:
    """Russian spelling of Kyrgyz/Kazakh/Tajik/Uzbek Cyrillic.

    With ``single_vowels`` doubled Kyrgyz vowels are single (ээ → е, оо → о,
    уу → у), except in the connector уулу; with ``soft_vowels`` ү becomes ю after
    a consonant (Түлкүбаев → Тюлкюбаев), an older Russian habit.
    """

    def single(match: re.Match[str]) -> str:
        ch = match.group(1)
        return {"э": "е", "Э": "Е"}.get(ch, ch) if match.start() > 0 else ch

    def word(match: re.Match[str]) -> str:
        if token_key(match.group(0)) in CONNECTORS:
            return match.group(0)
        return _RUSSIAN_DOUBLES.sub(single, match.group(0))

    if single_vowels:
        text = re.sub(r"[^\s\-]+", word, text)
    out: list[str] = []
    for i, ch in enumerate(text):
        low = ch.lower()
        prev = text[i - 1].lower() if i else ""
        rep = _TO_RUSSIAN.get(low)
        if soft_vowels and low == "ү" and prev.isalpha() and prev not in "аеёиоуыэюяөүәұі":
            rep = "ю"
        if rep is None:
            out.append(ch)
        else:
            out.append(
                rep.upper()
                if ch.isupper() and (len(rep) == 1 or text.isupper())
                else (rep[0].upper() + rep[1:])
                if ch.isupper()
                else rep
            )
    return "".join(out)


# --- Cyrillic -> informal Latin --------------------------------------------------
_INFORMAL: dict[str, str] = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "yo",
    "ж": "j",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "sch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
    "ң": "n",
    "ө": "o",
    "ү": "u",
    "ә": "a",
    "ғ": "g",
    "қ": "k",
    "ұ": "u",
    "һ": "h",
    "і": "i",
    "ӣ": "i",
    "ӯ": "u",
    "ҳ": "h",
    "ҷ": "j",
    "ў": "o'",
}


def _cyrillic_to_informal(
    text: str, *, kh: str = "kh", zh: str = "j", iotate: bool = False, y_glide: bool = False
) -> str:
    """Latin as people write their own name: Жээнбек → Jeenbek, Айжан → Aijan.

    Variants: ``kh`` for х (kh, x, h), ``zh`` for ж (j, zh), ``iotate`` writes
    е after a vowel as ye (Kulubayev), ``y_glide`` writes й as y (Aybek).
    """
    out: list[str] = []
    for i, ch in enumerate(text):
        low = ch.lower()
        rep = _INFORMAL.get(low)
        if rep is None:
            out.append(ch)
            continue
        if low == "х":
            rep = kh
        elif low == "ж":
            rep = zh
        elif low == "й" and not y_glide:
            nxt = text[i + 1].lower() if i + 1 < len(text) else ""
            prev = text[i - 1].lower() if i else ""
            before_vowel = bool(nxt) and nxt in "аеёиоуыэюяөүәұі"
            rep = "y" if before_vowel or (prev and prev in "иы") else "i"
        elif low == "е":
            prev = text[i - 1].lower() if i else ""
            if prev in "аеёиоуыэюяөүәұіьъ" and prev and iotate:
                rep = "ye"
        out.append(rep.capitalize() if ch.isupper() else rep)
    word = "".join(out)
    return word if not text.isupper() else word.upper()


# --- Latin -> Cyrillic ---------------------------------------------------------------
_LAT_MULTI_CYR: list[tuple[str, str]] = [
    ("shch", "щ"),
    ("dzh", "дж"),
    ("zh", "ж"),
    ("kh", "х"),
    ("sh", "ш"),
    ("ch", "ч"),
    ("ts", "ц"),
    ("gh", "г"),
    ("o'", "ў"),
    ("g'", "ғ"),
    ("yo", "ё"),
    ("yu", "ю"),
    ("ya", "я"),
    ("ye", "е"),
    ("ýo", "ё"),
    ("ýu", "ю"),
    ("ýa", "я"),
    ("ýe", "е"),
    ("iu", "ю"),
    ("ia", "я"),
]
_LAT_CYR: dict[str, str] = {
    "a": "а",
    "ä": "ә",
    "b": "б",
    "c": "ч",
    "ç": "ч",
    "d": "д",
    "e": "е",
    "f": "ф",
    "g": "г",
    "ğ": "г",
    "h": "х",
    "ı": "ы",
    "i": "и",
    "j": "ж",
    "k": "к",
    "q": "к",
    "l": "л",
    "m": "м",
    "n": "н",
    "ň": "ң",
    "o": "о",
    "ö": "ө",
    "p": "п",
    "r": "р",
    "s": "с",
    "ş": "ш",
    "t": "т",
    "u": "у",
    "ü": "ү",
    "v": "в",
    "w": "в",
    "x": "х",
    "y": "ы",
    "ý": "й",
    "z": "з",
    "ž": "ж",
    "é": "е",
}
_LAT_VOWELS = set("aeiouyäöüıé")
_CYR_VOWELS = set("аеёиоуыэюяәөүұі")
_TURKMEN_LETTERS = set("äçňşýžw")
_APOSTROPHE_RE = re.compile("[’‘`ʻʼ′´]")


def _latin_word_to_cyrillic(word: str, *, kyrgyz: bool, turkmen: bool) -> str:
    src = _APOSTROPHE_RE.sub("'", unicodedata.normalize("NFC", word))
    low = src.lower()
    out: list[str] = []
    i = 0
    while i < len(low):
        prev_out = out[-1][-1] if out and out[-1] else ""
        for graph, cyr in _LAT_MULTI_CYR:
            if low.startswith(graph, i):
                if graph in ("ia", "iu") and (i == 0 or low[i - 1] in _LAT_VOWELS):
                    continue  # Ia... at the start or after a vowel: и + а
                if cyr == "ў" and not kyrgyz:
                    cyr = "у"
                if cyr == "ғ" and not kyrgyz:
                    cyr = "г"
                out.append(cyr)
                i += len(graph)
                break
        else:
            ch = low[i]
            nxt = low[i + 1] if i + 1 < len(low) else ""
            if ch == "'":
                i += 1
                continue
            if ch == "y" and nxt in ("y", "ý"):
                cyr = "ы"  # Çaryýew, CARYYEW: ы before the glide
            elif ch in ("y", "i", "ý") and prev_out in _CYR_VOWELS and nxt not in _LAT_VOWELS:
                cyr = "й"  # Aiperi -> Айпери, Beyshen -> Бейшен
            elif ch in ("y", "ý") and nxt in _LAT_VOWELS:
                cyr = "й"
            elif ch == "e" and (i == 0 or prev_out in _CYR_VOWELS) and not (i > 0 and low[i - 1] == "e"):
                cyr = "э" if i == 0 else "е"
            elif ch == "e" and i > 0 and low[i - 1] == "e":
                if kyrgyz and out and out[-1] == "е":
                    out[-1] = "э"
                cyr = "э" if kyrgyz else ""  # Kyrgyz ээ, Russian single е
            elif ch == "j" and turkmen:
                cyr = "дж"
            elif ch in "öü" and not kyrgyz:
                cyr = "о" if ch == "ö" else "у"
            elif ch == "ň" and not kyrgyz:
                cyr = "н"
            elif ch == "ä" and not kyrgyz:
                cyr = "а"
            else:
                mapped = _LAT_CYR.get(ch)
                if mapped is None:
                    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
                    mapped = "".join(_LAT_CYR.get(c, c) for c in base)
                cyr = mapped
            out.append(cyr)
            i += 1
    text = "".join(out)
    # Glide + vowel: "йе" after a vowel is "е", "йа" is "я" (Çaryýew -> Чарыев).
    text = re.sub(
        r"(?<=[аеёиоуыэюяәөүұі])й([еаую])", lambda m: {"е": "е", "а": "я", "у": "ю", "ю": "ю"}[m.group(1)], text
    )
    text = re.sub(r"ый(?=[еаую])", "ы", text)
    # After a consonant too: Nurýagdyýew -> Нурягдыев.
    text = re.sub(r"(?<=[бвгджзклмнпрстфхцчшщ])й([аоу])", lambda m: {"а": "я", "о": "ё", "у": "ю"}[m.group(1)], text)
    if not kyrgyz and token_key(word) not in CONNECTORS:
        text = re.sub(r"([оуыа])\1", r"\1", text)
    if src.isupper():
        return text.upper()
    if src[:1].isupper():
        return text[:1].upper() + text[1:]
    return text


def latin_to_cyrillic(text: str, *, kyrgyz: bool = False) -> str:
    """Cyrillic spelling of a Latin name (Russian by default, Kyrgyz on request)."""
    turkmen = any(c in _TURKMEN_LETTERS for c in text.lower())
    return re.sub(
        r"[^\s\-,]+",
        lambda m: _latin_word_to_cyrillic(m.group(0), kyrgyz=kyrgyz, turkmen=turkmen),
        text,
    )


_TURKMEN_INFORMAL = {"ç": "ch", "ş": "sh", "ž": "zh", "ň": "n", "ä": "a", "ý": "y", "w": "v", "ö": "o", "ü": "u"}


def _turkmen_informal(text: str) -> str:
    """Turkmen Latin as English-language press writes it: Çaryýew -> Charyyev."""
    out = []
    for ch in text:
        rep = _TURKMEN_INFORMAL.get(ch.lower())
        out.append(ch if rep is None else (rep.capitalize() if ch.isupper() else rep))
    return "".join(out)


def _dedup(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        item = " ".join(item.split())
        if item and item not in seen:
            seen.add(item)
            out.append(item)
    return out


_OLD_PASSPORT = {"Й": "Y", "Ю": "YU", "Я": "YA", "Ъ": "", "Ё": "YO"}


def _old_passport(text: str) -> str:
    """Russian passports before 2013 (and many Kyrgyz ones): Й → Y, Ю → YU, Я → YA."""
    out = []
    for ch in text:
        up = ch.upper()
        out.append(_OLD_PASSPORT[up] if up in _OLD_PASSPORT else icao_latin(ch) if ch.strip() else ch)
    return " ".join("".join(out).split())


def _is_kyrgyz_cyrillic(text: str) -> bool:
    low = text.lower()
    return any(c in low for c in "ңөү") or bool(re.search(r"(аа|ээ|оо|уу|ыы|өө|үү)", low))


def spelling_variants(text: str) -> dict[str, list[str]]:
    """Likely spellings of a name by kind; see the module docstring."""
    text = " ".join(fix_homoglyphs(unicodedata.normalize("NFC", text or "")).split())
    result: dict[str, list[str]] = {
        "passport_latin": [],
        "russian": [],
        "informal_latin": [],
        "kyrgyz_cyrillic": [],
    }
    if not text:
        return result
    script = detect_script(text.replace(" ", "").replace("-", ""))
    if script == CYRILLIC:
        result["passport_latin"] = _dedup([icao_latin(text), _old_passport(text).upper()])
        russian = _cyrillic_to_russian(text)
        result["russian"] = _dedup(
            [
                russian,
                _cyrillic_to_russian(text, single_vowels=False),
                _cyrillic_to_russian(text, soft_vowels=True),
            ]
        )
        result["informal_latin"] = _dedup(
            [
                _cyrillic_to_informal(text),
                _cyrillic_to_informal(text, kh="x"),
                _cyrillic_to_informal(text, kh="h"),
                _cyrillic_to_informal(text, zh="zh"),
                _cyrillic_to_informal(text, iotate=True),
                _cyrillic_to_informal(text, y_glide=True),
            ]
        )
        if _is_kyrgyz_cyrillic(text):
            result["kyrgyz_cyrillic"] = [text]
    elif script == LATIN:
        result["passport_latin"] = _dedup([icao_latin(text)])
        result["russian"] = _dedup([latin_to_cyrillic(text)])
        plain = "".join(
            c for c in unicodedata.normalize("NFKD", _APOSTROPHE_RE.sub("'", text)) if not unicodedata.combining(c)
        ).replace("'", "")
        turkmen = any(c in text.lower() for c in _TURKMEN_LETTERS)
        uzbek = bool(re.search(r"[og]['’‘`ʻʼ]", text.lower()))
        informal = [_turkmen_informal(text) if turkmen else plain, plain]
        result["informal_latin"] = _dedup(informal)
        if not turkmen and not uzbek:
            result["kyrgyz_cyrillic"] = _dedup([latin_to_cyrillic(text, kyrgyz=True)])
    else:
        result["passport_latin"] = _dedup([icao_latin(text)])
    return result
