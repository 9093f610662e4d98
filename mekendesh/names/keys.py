"""Comparison keys for name words.

:func:`token_key` maps every usual spelling of a name word — Kyrgyz and Russian
Cyrillic, passport (ICAO 9303) Latin, Turkmen and Uzbek Latin, informal Latin —
to one ASCII "skeleton" key.  It works in two steps:

1. ``translit.phonemes`` reads the word letter by letter (and Latin digraphs such
   as zh, kh, sh, dzh, o', g') into rough phonemes; е ё ю я after a vowel, a soft
   sign or at the start of a word become a glide plus a vowel.
2. The phonemes are folded: vowels of one class are one letter (ы i y ı і ӣ → i,
   ө ö → o, ү ü ұ ӯ ў o' → u, ә ä → a); glides that spelling systems disagree on
   are dropped (Тоқаев / TOKAEV / Tokayev, Чарыев / Çaryýew / Charyev); ж dzh j zh ž ҷ
   are one consonant, as are х kh x h ҳ һ with к (Kyrgyz writes Акмат for Ахмат),
   ф with п (Сапар / Safar), ң ň ng with н, ц ts c with ч (a lone Latin c is
   ч in ICAO's Turkmen, ц in Polish-style spellings); a word-initial h before a vowel is
   dropped (Асан / Hasan); doubled letters are single (Жээнбек = Женбек, Kassym = Касым).

The key keeps consonant distinctions (Бакыт ≠ Бакир) and the vowel classes, so
different names stay different while spellings of one name meet.

Known limits, where spelling systems contradict each other:

* a Latin j is always ж (Japarov, Bekjan); German-style "Jurij" or "Ljudmila"
  for Юрий, Людмила do not meet (a word-initial ja does: Япаров = Japarov);
* Uzbek ў / o' is read as u (Уткир, UTKIR); "Otkir" written without the
  apostrophe does not meet it;
* ICAO strips Turkmen ş to S, so SATLYK does not meet Şatlyk (ç → C does meet,
  since a lone c is read as ч);
* ё after a consonant (and Latin yo there) is read as o, the way Russian lists use
  it for Kyrgyz ө and for Uzbek and Tajik o (Мёлдир = Мөлдир, Тёлёгён = Төлөгөн,
  Пётр = Pyotr); ICAO and most Russian writing put е for it, so Семёнов does not
  meet Семенов / SEMENOV.  Inside a word after a vowel ё stays a glide before e
  (Мирзиёев = Mirziyoyev = MIRZIEEV);
* Russian lists that write ө as е, or ә as е (Төлөгөн → Төлеген, Әсел → Есел),
  give another key; ``compare.py`` scores these (and Семёнов / Семенов) as vowel
  variants, and the linkage engine compares a vowel-free skeleton as well;
* a word-initial glide before u or o is dropped (Юсуп = Yusup = Iusup = Усуп;
  Юмоталиев = Үмөталиев, since Russian lists write a word-initial Kyrgyz ү as ю),
  before a it is ж (Япаров = Жапаров = Japarov).  Kyrgyz Жусуп and Uzbek Юсуп are
  therefore different keys, as they are different spellings of the name.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .script import fix_homoglyphs
from .translit import VOWELS, phonemes

# Key of a connector word -> its normalised form.
CONNECTORS: dict[str, str] = {
    "ulu": "uulu",  # Kyrgyz уулу / uulu
    "uli": "uly",  # Kazakh ұлы / uly
    "ogli": "ogly",  # Uzbek o'g'li / ўғли, Turkmen ogly, Russian оглы
    "oglu": "ogly",  # Azerbaijani / Turkish oğlu
    "ugli": "ogly",  # Russian угли
    "kizi": "kyzy",  # Kyrgyz кызы, Kazakh қызы / qyzy, Uzbek qizi
    "gizi": "gyzy",  # Turkmen gyzy, Azerbaijani qızı written гызы
}
MALE_CONNECTORS = frozenset({"uulu", "uly", "ogly"})
FEMALE_CONNECTORS = frozenset({"kyzy", "gyzy"})

_SPLIT_RE = re.compile(r"[\s\-‐‑‒–—_,;:.()\[\]{}«»\"/\\|!?]+")


def _fold(ph: list[str]) -> str:
    # Drop sign markers; a glide not before a vowel is the vowel i (ай = ai).
    ph = [p for p in ph if p != "|"]
    n = len(ph)
    seq: list[str] = []
    for idx, p in enumerate(ph):
        if p == "Y":
            nxt = ph[idx + 1] if idx + 1 < n else ""
            if nxt not in VOWELS or nxt == "i":
                p = "i" if nxt != "i" else ""
                if not p:
                    continue
        if p == "i" and seq and seq[-1] == "i":
            continue  # ии = ий = iy = i
        seq.append(p)
    # i right before a vowel or glide is a glide itself: Aliev = Алиев = Aliyev.
    out: list[str] = []
    for idx, p in enumerate(seq):
        nxt = seq[idx + 1] if idx + 1 < len(seq) else ""
        if p == "i" and (nxt == "Y" or (nxt in VOWELS and nxt != "i")):
            p = "Y"
        if p == "Y" and out and out[-1] == "Y":
            continue
        if p == "i" and out and out[-1] == "i":
            continue
        out.append(p)
    # ё is е in Russian writing (Семёнов = Семенов) and in ICAO Latin; a glide
    # before o inside a word is therefore read as a glide before e (Mirziyoyev =
    # Мирзиёев = MIRZIEEV).
    for idx in range(1, len(out) - 1):
        if out[idx] == "Y" and out[idx + 1] == "o":
            out[idx + 1] = "e"
    # Where spellings disagree on glides, drop them.
    folded: list[str] = []
    for idx, p in enumerate(out):
        if p == "Y":
            prev = folded[-1] if folded else ""
            nxt = out[idx + 1] if idx + 1 < len(out) else ""
            if not folded:
                if nxt == "a":
                    folded.append("j")  # Япаров = Жапаров = Japarov
                # Yerlan = Ерлан = Erlan; Юмоталиев = Үмөталиев (Russian lists write a
                # word-initial Kyrgyz ү as ю), Ёмүрбеков = Өмүрбеков, Юсуп = Yusup = Iusup
                continue
            if prev in VOWELS:
                continue  # Tokayev = TOKAEV
            if nxt in ("u", "e"):
                continue  # Тюлебаев = TIULEBAEV = Түлөбаев, Charyev = Чарыев
        folded.append(p)
    text = "".join(folded).replace("Y", "y")
    text = re.sub(r"(.)\1+", r"\1", text)
    text = text.replace("ng", "n").replace("dj", "j")  # ң = ng, дж = dzh = j
    if text.startswith("h") and len(text) > 1 and text[1] in VOWELS:
        text = text[1:]
    text = text.replace("h", "k").replace("f", "p")
    text = text.replace("ts", "c")  # ц = ts = c, and c is also ICAO's ç (ч)
    return re.sub(r"(.)\1+", r"\1", text)


def _prepare(token: str) -> str:
    token = unicodedata.normalize("NFC", token or "")
    token = fix_homoglyphs(token)
    return token.lower()


@lru_cache(maxsize=262_144)
def token_key(token: str) -> str:
    """ASCII comparison key of one name word, the same for its usual spellings.

    Case, accents, whitespace, hyphens and apostrophes do not change the key.
    A word without Cyrillic or Latin letters has the empty key.  Results are
    cached: names repeat a great deal in a register.
    """
    prepared = _prepare(token)
    return _fold(phonemes("".join(prepared.split())))


def split_words(text: str) -> list[str]:
    """The words of a full name, split on whitespace, hyphens and punctuation."""
    text = fix_homoglyphs(unicodedata.normalize("NFC", text or ""))
    return [w for w in _SPLIT_RE.split(text) if w]


def connector_of(token: str) -> str | None:
    """The normalised connector ("uulu", "kyzy", "ogly", ...) a word is, or None."""
    return CONNECTORS.get(token_key(token))


def token_keys(text: str) -> list[str]:
    """Keys of the words of a full name in their original order.

    Connector words (уулу, kyzy, o'g'li ...) are kept as their normalised form
    ("uulu", "kyzy", "ogly", "uly", "gyzy").
    """
    out: list[str] = []
    for word in split_words(text):
        key = token_key(word)
        if key:
            out.append(CONNECTORS.get(key, key))
    return out


def name_key(text: str) -> str:
    """Order-insensitive key of a full name: word keys without connectors, sorted."""
    keys = [token_key(word) for word in split_words(text)]
    return " ".join(sorted(k for k in keys if k and k not in CONNECTORS))


__all__ = [
    "CONNECTORS",
    "connector_of",
    "name_key",
    "split_words",
    "token_key",
    "token_keys",
]
