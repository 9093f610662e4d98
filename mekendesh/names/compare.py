"""How alike two full names are, and why, part by part.

The comparison parses both names (``parse.py``) and pairs surname with surname,
given names with given names and patronymic with patronymic — or the crossed
pairing when a list has put the given name in the surname's place ("swapped
order").  Each pair is scored on the comparison keys (``keys.py``) by
:func:`key_similarity`; every part gets a short machine-readable reason:

* "same key" — the spellings meet (1.0);
* "initial" — "B." against "Bakyt" (0.85);
* "typo (...)", "vowel variant (...)" — near keys (0.85-0.9);
* "other sex form of the surname" — Кулубаев / Кулубаева (0.5);
* "spelling variant (jaro-winkler 0.93)" or "different (jaro-winkler 0.62)";
* "same father's name" — «Нурлан уулу» against «Нурланович»;
* "surname from father's name" — «Нурлан уулу» against «Нурланов»;
* "missing on left" / "missing on right" — a missing patronymic costs nothing, a
  missing surname or given name a little;
* "ignored" — stray words (party names and the like).

The overall score is the weighted mean of the parts (surname 0.45, given 0.4,
patronymic 0.15).  Jaro-Winkler and the edit distance are implemented in
``similarity.py``; there is no third-party dependency.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import permutations

from .keys import CONNECTORS, token_key
from .parse import ParsedName, is_initial, parse_name
from .similarity import damerau_distance, jaro_winkler
from .translit import icao_latin

WEIGHTS = {"surname": 0.45, "given": 0.4, "patronymic": 0.15}
_CROSSED_WEIGHT = (WEIGHTS["surname"] + WEIGHTS["given"]) / 2
MISSING_PENALTY = {"surname": 0.35, "given": 0.35, "patronymic": 0.0}


@dataclass(frozen=True)
class PartComparison:
    """One part of a comparison: "surname", "given", "patronymic" or "extra"."""

    part: str
    left: str | None
    right: str | None
    score: float
    reason: str


@dataclass(frozen=True)
class NameComparison:
    """The overall score (0..1) and the comparison of every part."""

    score: float
    parts: tuple[PartComparison, ...]

    def part(self, name: str) -> PartComparison | None:
        """The comparison of one part, or None when neither name has it."""
        for item in self.parts:
            if item.part == name:
                return item
        return None


def _word_keys(text: str | None) -> list[str]:
    if not text:
        return []
    keys = [token_key(w) for w in re.split(r"[\s\-]+", text) if w]
    return [k for k in keys if k and k not in CONNECTORS]


def _initial_matches(initial: str, word: str) -> bool:
    ki, kw = token_key(initial), token_key(word)
    if ki and kw and kw.startswith(ki):
        return True
    li, lw = icao_latin(initial).strip(". "), icao_latin(word)
    return bool(li) and lw.startswith(li[0])


_VOWEL_VARIANTS = ({"o", "e"}, {"a", "e"})


def key_similarity(kl: str, kr: str) -> tuple[float, str]:
    """Score and reason for two word keys.

    Equal keys score 1.  The male and female forms of one surname (Кулубаев /
    Кулубаева) are relatives more often than one person, 0.5.  Vowels that
    Russian writing confuses (ө as ё or е, ә as е) score 0.85.  One edit in a long
    key, or two neighbouring letters swapped, is a typo (0.85-0.9).  Otherwise the
    Jaro-Winkler similarity is stretched so that short names one letter apart
    (Бакыт / Бакир) stay low.
    """
    if kl == kr:
        return 1.0, "same key"
    first, second = sorted((kl, kr))
    sim = jaro_winkler(first, second)  # the same answer in both directions
    short, long_ = sorted((kl, kr), key=len)
    if long_ == short + "a" and short.endswith(("v", "n")):
        return 0.5, "other sex form of the surname"
    dist = damerau_distance(kl, kr)
    if dist == 1 and len(kl) == len(kr) and sorted(kl) == sorted(kr):
        return 0.9, f"typo (swapped letters, jaro-winkler {sim:.2f})"
    if len(kl) == len(kr) and all(x == y or {x, y} in _VOWEL_VARIANTS for x, y in zip(kl, kr, strict=True)):
        # ө written ё or е, ә written е: Үсөн / Усен, Әсел / Есел.
        return 0.85, f"vowel variant (jaro-winkler {sim:.2f})"
    if dist == 1 and min(len(kl), len(kr)) >= 7:
        return 0.85, f"typo (one edit, jaro-winkler {sim:.2f})"
    stretched = max(0.0, (sim - 0.75) / 0.25) ** 2 * 0.9
    label = "spelling variant" if stretched >= 0.6 else "different"
    return stretched, f"{label} (jaro-winkler {sim:.2f})"


def _word_score(left: str, right: str) -> tuple[float, str]:
    if is_initial(left) or is_initial(right):
        if is_initial(left) and is_initial(right):
            same = token_key(left) == token_key(right)
            return (0.85, "same initial") if same else (0.0, "different initial")
        initial, word = (left, right) if is_initial(left) else (right, left)
        if _initial_matches(initial, word):
            return 0.85, "initial"
        return 0.0, "different initial"
    return key_similarity(token_key(left), token_key(right))


def _words(text: str | None) -> list[str]:
    if not text:
        return []
    return [w for w in re.split(r"[\s\-]+", text) if w and token_key(w) not in CONNECTORS]


def _group_score(left: list[str], right: list[str]) -> tuple[float, str]:
    """Best pairing of two small word groups; unmatched extra words cost a little."""
    if not left or not right:
        return 0.0, "missing"
    small, large, flipped = (left, right, False) if len(left) <= len(right) else (right, left, True)
    best: tuple[float, list[str]] | None = None
    for perm in permutations(range(len(large)), len(small)):
        scores = []
        reasons = []
        for i, j in enumerate(perm):
            a, b = (small[i], large[j]) if not flipped else (large[j], small[i])
            s, r = _word_score(a, b)
            scores.append(s)
            reasons.append(r)
        total = sum(scores) / len(scores)
        if best is None or total > best[0]:
            best = (total, reasons)
        if len(large) > 5:
            break
    assert best is not None
    score, reasons = best
    reason = reasons[0] if len(set(reasons)) == 1 else "; ".join(reasons)
    if len(large) > len(small):
        score *= 0.95
        reason += "; extra given name" if reason else "extra given name"
    return score, reason


def _text(value: str | tuple[str, ...] | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, tuple):
        return " ".join(value) or None
    return value or None


def _compare_parsed(a: ParsedName, b: ParsedName, swapped: bool) -> tuple[float, list[PartComparison]]:
    pairs: dict[str, tuple[str | None, str | None]] = {
        "surname": (a.surname, _text(b.given) if swapped else b.surname),
        "given": (_text(a.given), b.surname if swapped else _text(b.given)),
        "patronymic": (a.patronymic, b.patronymic),
    }
    out: list[PartComparison] = []
    weight_sum = 0.0
    total = 0.0
    # "Nurlan uulu Bakyt" against "Nurlanov Bakyt": the father's name became a surname.
    if not swapped:
        for first, second, flip in ((a, b, False), (b, a, True)):
            if first.surname or not first.patronymic or not second.surname or second.patronymic:
                continue
            if not _word_keys(first.patronymic):
                continue
            root_first = _father_root(first.patronymic)
            root_second = _SURNAME_SUFFIX_RE.sub("", _word_keys(second.surname)[0])
            score, reason = key_similarity(root_first, root_second)
            if score >= 0.85:
                score, reason = min(score, 0.95), "surname from father's name"
            crossed = (second.surname, first.patronymic) if flip else (first.patronymic, second.surname)
            out.append(PartComparison("surname", *crossed, round(score, 4), reason))
            weight_sum += WEIGHTS["surname"]
            total += WEIGHTS["surname"] * score
            pairs.pop("surname")
            pairs.pop("patronymic")
            break
    for part, (left, right) in pairs.items():
        lw, rw = _words(left), _words(right)
        if not lw and not rw:
            continue
        if not lw or not rw:
            reason = "missing on left" if not lw else "missing on right"
            out.append(PartComparison(part, left, right, 0.0, reason))
            weight_sum += MISSING_PENALTY[part]
            continue
        if part == "patronymic":
            score, reason = _patronymic_score(left or "", right or "")
        else:
            score, reason = _group_score(lw, rw)
        if swapped and part != "patronymic":
            reason = f"swapped order; {reason}"
        out.append(PartComparison(part, left, right, round(score, 4), reason))
        # Crossed pairs weigh the same, so that the comparison stays symmetric.
        weight = _CROSSED_WEIGHT if swapped and part != "patronymic" else WEIGHTS[part]
        weight_sum += weight
        total += weight * score
    score = total / weight_sum if weight_sum else 0.0
    return score, out


_SURNAME_SUFFIX_RE = re.compile(r"(ova|eva|ov|ev|ina|in)$")
_PATRONYMIC_SUFFIX_RE = re.compile(r"(ovic|evic|ovna|evna|icna|ic|ovik|evik|uli|ogli|kizi|gizi|ulu)$")


def _father_root(text: str) -> str:
    keys = _word_keys(text)
    if not keys:
        return ""
    root = keys[0]
    if len(keys) == 1:
        root = _PATRONYMIC_SUFFIX_RE.sub("", root)
    return root


def _patronymic_score(left: str, right: str) -> tuple[float, str]:
    kl, kr = _word_keys(left), _word_keys(right)
    if kl == kr:
        return 1.0, "same key"
    if is_initial(left) or is_initial(right):
        return _word_score(left.split()[0], right.split()[0])
    rl, rr = _father_root(left), _father_root(right)
    if rl and rl == rr:
        return 0.95, "same father's name"
    return key_similarity(rl, rr)


def _bag(parsed: ParsedName) -> list[str]:
    words = [parsed.surname, *parsed.given, parsed.patronymic]
    return sorted(k for w in words for k in _word_keys(w))


def compare_names(a: str, b: str) -> NameComparison:
    """Score (0..1) how alike two full names are, with a reason for every part."""
    pa, pb = parse_name(a), parse_name(b)
    same_words = _bag(pa) == _bag(pb) and bool(_bag(pa))
    straight_score, straight = _compare_parsed(pa, pb, swapped=False)
    best_score, best = straight_score, straight
    if pa.surname and pb.surname and pa.given and pb.given:
        swapped_score, swapped = _compare_parsed(pa, pb, swapped=True)
        # Without a comma, case or ending to go by, the parser only guesses the
        # order, so a crossed pairing costs nothing; it is reported in the reasons.
        if swapped_score > straight_score + 1e-9:
            best_score, best = swapped_score, swapped
    if same_words and best_score < 1.0:
        # The same words in another arrangement the parser could not settle.
        best_score = 1.0
        best = [
            PartComparison(
                part, _text(pa.parts[part]), _text(pb.parts[part]), 1.0, "same words, parts read differently"
            )
            for part in ("surname", "given", "patronymic")
            if pa.parts[part] or pb.parts[part]
        ]
    parts = list(best)
    for left, right in ((pa.extra, pb.extra),):
        if left or right:
            parts.append(PartComparison("extra", _text(left), _text(right), 0.0, "ignored"))
    return NameComparison(score=round(max(0.0, min(1.0, best_score)), 4), parts=tuple(parts))
