"""Where this engine's false matches and missed pairs come from.

``python -m bench.linkage --analyse [--large-only]`` runs the engine in this process on the
benchmark files already generated under ``--workdir`` (it generates them when they are
missing) and breaks its errors down:

* blocking: how many comparisons each blocking rule makes, and the share of true pairs
  that at least one rule (and each rule) brings to the scoring at all;
* false matches by the kind of list row (a relative, a namesake, another person, or a
  register member matched to the wrong registered person), by the errors the generator
  wrote into the row, and by comparison levels (surname / given name / father's name /
  birth date);
* missed pairs by stage (never a candidate, scored below the review band, sent to review
  because the birth dates differ or a surname or given name is not alike, because another
  candidate is as strong, or because the probability is below the match threshold; matched
  to someone else) and by the errors written into the row;
* name only: list rows that no method can tell apart from another registered person by
  name (exactly the same surname, given name and patronymic as the generator wrote them),
  and precision, recall and F1 without them next to the raw figures.

The report is printed as Markdown and written to ``analysis-<variant>.md`` in the workdir,
every pair of the review band with its levels to ``analysis-pairs-<variant>.csv``.
"""

from __future__ import annotations

import csv
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _prf(found: set[tuple[str, str]], truth: set[tuple[str, str]]) -> tuple[float, float, float]:
    tp = len(found & truth)
    p = tp / len(found) if found else 0.0
    r = tp / len(truth) if truth else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _rule_keys(rule: str) -> tuple[list[str], list[str]]:
    """``'l.sur = r.giv AND l.giv = r.sur'`` -> (["sur", "giv"], ["giv", "sur"])."""
    left, right = [], []
    for part in rule.split(" AND "):
        a, b = (x.strip() for x in part.split("="))
        left.append(a.removeprefix("l."))
        right.append(b.removeprefix("r."))
    return left, right


def _key(table: dict[str, list[Any]], cols: list[str], i: int) -> tuple[str, ...] | None:
    values = tuple(table[c][i] for c in cols)
    return None if any(v is None for v in values) else values


def blocking_report(
    lt: dict[str, list[Any]], rt: dict[str, list[Any]], truth: set[tuple[str, str]], rules: list[str]
) -> tuple[list[str], dict[tuple[str, str], list[int]]]:
    """Comparisons per rule and blocking recall; returns lines and the rules catching each true pair."""
    lidx = {rid: i for i, rid in enumerate(lt["unique_id"])}
    ridx = {rid: i for i, rid in enumerate(rt["unique_id"])}
    caught: dict[tuple[str, str], list[int]] = {pair: [] for pair in truth}
    lines = ["| rule | comparisons | true pairs it brings | only this rule |", "| --- | ---: | ---: | ---: |"]
    per_rule = []
    for n, rule in enumerate(rules):
        lcols, rcols = _rule_keys(rule)
        lc: Counter[tuple[str, ...]] = Counter()
        for i in range(len(lt["unique_id"])):
            k = _key(lt, lcols, i)
            if k is not None:
                lc[k] += 1
        rc: Counter[tuple[str, ...]] = Counter()
        for i in range(len(rt["unique_id"])):
            k = _key(rt, rcols, i)
            if k is not None:
                rc[k] += 1
        comparisons = sum(c * lc.get(k, 0) for k, c in rc.items())
        hits = 0
        for pair in truth:
            kl = _key(lt, lcols, lidx[pair[0]])
            if kl is not None and kl == _key(rt, rcols, ridx[pair[1]]):
                caught[pair].append(n)
                hits += 1
        per_rule.append((rule, comparisons, hits))
    for n, (rule, comparisons, hits) in enumerate(per_rule):
        only = sum(1 for rs in caught.values() if rs == [n])
        lines.append(f"| `{rule}` | {comparisons:,} | {hits:,} | {only:,} |")
    lost = sum(1 for rs in caught.values() if not rs)
    lines += [
        "",
        f"Blocking recall: {len(truth) - lost:,} of {len(truth):,} true pairs "
        f"({(len(truth) - lost) / len(truth):.4f}) are compared at all; {lost:,} are never candidates.",
    ]
    return lines, caught


def _levels(p: Any) -> str:
    e = p.explanation
    short = {"exact": "=", "missing": "∅", "different": "≠"}
    parts = []
    for name, tag in (("surname", "sur"), ("given_name", "giv"), ("patronymic", "pat"), ("birth_date", "dob")):
        label = e[name][0]
        parts.append(f"{tag} {short.get(label, label)}")
    return ", ".join(parts)


def _table(counter: Counter[str], total: int | None = None, head: str = "cause", limit: int = 25) -> list[str]:
    lines = [f"| {head} | count |" + (" share |" if total else ""), "| --- | ---: |" + (" ---: |" if total else "")]
    for k, v in counter.most_common(limit):
        lines.append(f"| {k} | {v:,} |" + (f" {v / total:.1%} |" if total else ""))
    rest = sum(counter.values()) - sum(v for _, v in counter.most_common(limit))
    if rest:
        lines.append(f"| (other) | {rest:,} |" + (" |" if total else ""))
    return lines


def _error_rates(rows: Iterable[str], labels: dict[str, dict[str, str]], base: Counter[str]) -> list[str]:
    got: Counter[str] = Counter()
    for lid in rows:
        errs = labels[lid]["errors"].split(";") if labels[lid]["errors"] else ["(no error)"]
        for e in errs:
            got[e] += 1
    lines = ["| error in the list row | rows | of all member rows with it |", "| --- | ---: | ---: |"]
    for k, v in got.most_common():
        lines.append(f"| {k} | {v:,} | {v / base[k]:.2%} of {base[k]:,} |")
    return lines


def _save_pairs(path: Path, pairs: list[Any], truth: set[tuple[str, str]]) -> None:
    """Every pair of the review band with its levels and weights, for a closer look."""
    if not pairs:
        return
    names = list(pairs[0].explanation)
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(
            [
                "register_id",
                "list_id",
                "true",
                "decision",
                "match_probability",
                "match_weight",
                "register_name",
                "list_name",
                *(f"{n}_{x}" for n in names for x in ("level", "weight")),
            ]
        )
        for p in pairs:
            w.writerow(
                [
                    p.left_id,
                    p.right_id,
                    int((p.left_id, p.right_id) in truth),
                    p.decision,
                    f"{p.match_probability:.6f}",
                    f"{p.match_weight:.3f}",
                    p.left_name,
                    p.right_name,
                    *(v for n in names for v in (p.explanation[n][0], f"{p.explanation[n][1]:.3f}")),
                ]
            )


def analyse(workdir: Path, variant: str, *, engine_kwargs: dict[str, Any] | None = None) -> str:
    from mekendesh.linkage import engine as eng
    from mekendesh.linkage import features as ft
    from mekendesh.linkage.io import read_records
    from mekendesh.linkage.model import blocking_rules

    names = variant == "name only"
    reg_path = workdir / ("register_names.csv" if names else "register.csv")
    lst_path = workdir / ("list_names.csv" if names else "list.csv")
    truth = {(r["register_id"], r["list_id"]) for r in _read(workdir / "truth.csv")}
    labels = {r["list_id"]: r for r in _read(workdir / "labels.csv")}
    left = read_records(reg_path)
    right = read_records(lst_path)

    t0 = time.perf_counter()
    result = eng.link(left, right, **(engine_kwargs or {}))
    seconds = time.perf_counter() - t0
    match = {(p.left_id, p.right_id) for p in result.pairs if p.decision == "match"}
    band = {(p.left_id, p.right_id): p for p in result.pairs}
    by_right: dict[str, list[Any]] = defaultdict(list)
    for p in result.pairs:
        by_right[p.right_id].append(p)
    prec, rec, f1 = _prf(match, truth)
    _save_pairs(workdir / f"analysis-pairs-{variant.replace(' ', '_')}.csv", result.pairs, truth)

    lines = [
        f"# Analysis: {workdir.name}, {variant}",
        "",
        f"Engine run in {seconds:.0f} s: {len(result.pairs):,} pairs in the review band, "
        f"{len(match):,} matches; true pairs {len(truth):,}. By stage: "
        + ", ".join(f"{stage} {t:.0f} s" for stage, t in result.timings.items())
        + ".",
        "",
        f"Precision {prec:.4f}, recall {rec:.4f}, F1 **{f1:.4f}**; "
        f"review band holds {len(set(band) & truth) / len(truth):.4f} of the true pairs.",
        "",
    ]

    # --- blocking -----------------------------------------------------------------------
    lt = ft.feature_table(left)
    rt = ft.feature_table(right)
    block_lines, caught = blocking_report(lt, rt, truth, blocking_rules())
    lines += ["## Blocking", "", *block_lines, ""]

    # --- false matches ------------------------------------------------------------------
    fp = [p for p in result.pairs if p.decision == "match" and (p.left_id, p.right_id) not in truth]
    fp_kind: Counter[str] = Counter()
    fp_levels: Counter[str] = Counter()
    fp_errors: Counter[str] = Counter()
    for p in fp:
        lab = labels[p.right_id]
        kind = lab["kind"]
        if kind == "member":
            kind = "member matched to another registered person"
        elif lab["register_id"] == p.left_id:
            kind += " (the registered person it was made from)"
        else:
            kind += " (another registered person)"
        if lab.get("same_name", "0") != "0":
            kind += ", same full name registered"
        fp_kind[kind] += 1
        fp_levels[_levels(p)] += 1
        for e in lab["errors"].split(";") if lab["errors"] else ["(no error)"]:
            fp_errors[e] += 1
    lines += [
        "## False matches",
        "",
        f"{len(fp):,} false matches.",
        "",
        "By the kind of list row:",
        "",
        *_table(fp_kind, len(fp), "list row"),
        "",
        "By comparison levels:",
        "",
        *_table(fp_levels, len(fp), "levels (surname, given name, father's name, birth date)"),
        "",
        "By the errors written into the list row:",
        "",
        *_table(fp_errors, len(fp), "error"),
        "",
    ]

    # --- missed pairs -------------------------------------------------------------------
    fn = sorted(truth - match, key=lambda t: t[1])
    stage: Counter[str] = Counter()
    fn_levels: Counter[str] = Counter()
    for pair in fn:
        rid, lid = pair
        p = band.get(pair)
        others = [q for q in by_right.get(lid, []) if q.left_id != rid and q.decision == "match"]
        if p is None:
            what = "never a candidate (blocking)" if not caught[pair] else "scored below the review band"
        elif p.explanation["birth_date"][0] == "different":
            what = "review: birth dates differ beyond the usual errors"
        elif "different" in (p.explanation["surname"][0], p.explanation["given_name"][0]):
            what = "review: surname or given name not alike"
        elif p.match_probability >= eng.DEFAULT_MATCH_THRESHOLD:
            what = "review: another candidate as strong (ambiguity rule)"
        else:
            what = "review: probability below the match threshold"
        if others:
            what += "; another person matched instead"
        stage[what] += 1
        if p is not None:
            fn_levels[_levels(p)] += 1
    member_errors: Counter[str] = Counter()
    for _rid, lid in truth:
        for e in labels[lid]["errors"].split(";") if labels[lid]["errors"] else ["(no error)"]:
            member_errors[e] += 1
    lines += [
        "## Missed pairs",
        "",
        f"{len(fn):,} true pairs not matched.",
        "",
        "By stage:",
        "",
        *_table(stage, len(fn), "stage"),
        "",
        "By comparison levels (those scored):",
        "",
        *_table(fn_levels, len(fn), "levels (surname, given name, father's name, birth date)"),
        "",
        "By the errors written into the list row:",
        "",
        *_error_rates((lid for _, lid in fn), labels, member_errors),
        "",
    ]

    # --- indistinguishable by name ------------------------------------------------------
    if names:
        indist = {lid for lid, lab in labels.items() if lab.get("same_name", "0") != "0"}
        sg = {
            lid
            for lid, lab in labels.items()
            if lab.get("same_surname_given", "0") != "0" and "no patronymic" in lab["errors"].split(";")
        }
        kinds = Counter(labels[lid]["kind"] for lid in indist)
        d_match = {pr for pr in match if pr[1] not in indist}
        d_truth = {pr for pr in truth if pr[1] not in indist}
        dp, dr, df = _prf(d_match, d_truth)
        fp_in = sum(1 for p in fp if p.right_id in indist)
        fn_in = sum(1 for pr in fn if pr[1] in indist)
        lines += [
            "## Indistinguishable by name",
            "",
            f"{len(indist):,} list rows carry exactly the surname, given name and patronymic (as the "
            "generator wrote them, before any spelling) of another registered person: "
            + ", ".join(f"{v:,} {k}" for k, v in kinds.most_common())
            + f". They account for {fp_in:,} of the {len(fp):,} false matches and {fn_in:,} of the "
            f"{len(fn):,} missed pairs. A further {len(sg - indist):,} rows lost their patronymic and "
            "share surname and given name with another registered person (kept in both figures).",
            "",
            "| rows | precision | recall | F1 |",
            "| --- | ---: | ---: | ---: |",
            f"| all (raw) | {prec:.4f} | {rec:.4f} | {f1:.4f} |",
            f"| without the {len(indist):,} indistinguishable rows | {dp:.4f} | {dr:.4f} | {df:.4f} |",
            "",
        ]
    return "\n".join(lines)


def run(workdir: Path, variants: list[str]) -> str:
    out = []
    for variant in variants:
        print(f"analysing {workdir.name}, {variant} …", file=sys.stderr, flush=True)
        text = analyse(workdir, variant)
        (workdir / f"analysis-{variant.replace(' ', '_')}.md").write_text(text + "\n", encoding="utf-8")
        out.append(text)
    return "\n\n".join(out)
