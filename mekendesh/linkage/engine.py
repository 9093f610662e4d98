"""Running a linkage job on DuckDB or Spark with Splink 5.

:func:`link` takes two lists of records (the left one usually the register, the right one a
host-country list or new registrations), trains a model or uses a given one, scores every
candidate pair that the blocking rules produce and returns the pairs that reach the review
band, each with a decision and the match weight of every comparison.
"""

from __future__ import annotations

import contextlib
import logging
import math
import os
import shutil
import sys
import tempfile
import uuid
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from tqdm import tqdm

from . import features as ft
from .i18n import gettext as _
from .io import Record, parse_birth_date, parse_sex
from .model import COMPARISONS, TF_LEVELS, Model, level_labels, settings_dict

TF_COMPARISONS = sorted({name for name, _ in TF_LEVELS})

Engine = Literal["duckdb", "spark"]
Decision = Literal["match", "review"]

# Chosen on validation populations of the benchmark generator (seeds 7 and 11, not the
# benchmark's own seed): name only, F1 is flat from 0.5 to 0.8 and falls at 0.9; with birth
# dates, 0.8 and 0.9 differ by 0.0003. The rule of _demote_ambiguous keeps a lower threshold
# from matching a second, weaker candidate.
DEFAULT_MATCH_THRESHOLD = 0.8
DEFAULT_REVIEW_THRESHOLD = 0.2
DEFAULT_SEED = 20251101
# A list row's candidate keeps "match" only when it outweighs the row's other free
# candidates by this many bits, and a registered person's second match only when it comes
# within this many bits of the first (see _demote_ambiguous).
DEFAULT_AMBIGUITY_MARGIN = 3.0
_LEFT, _RIGHT = "mk_left", "mk_right"
# Below this many records on either side the model is not trained but taken from
# DEFAULT_MODEL_PATH (trained on the synthetic benchmark population, see bench/linkage).
MIN_RECORDS_TO_TRAIN = 1000
DEFAULT_MODEL_PATH = Path(__file__).with_name("default_model.json")

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Pair:
    """A candidate pair with its score, its decision and why (per comparison)."""

    left_id: str
    right_id: str
    match_probability: float
    match_weight: float
    decision: Decision
    # comparison name -> (level label, match weight in bits)
    explanation: dict[str, tuple[str, float]]
    left_name: str = ""
    right_name: str = ""
    # False for the review pairs added outside the model (a surname alone or with initials, a
    # surname made from the father's name): their explanation says why, their weight is nominal
    scored: bool = True


@dataclass
class LinkResult:
    pairs: list[Pair]
    model: Model
    engine: str
    n_left: int
    n_right: int
    timings: dict[str, float] = field(default_factory=dict)
    # training stages that failed: (the blocking rule of the EM session, Splink's message)
    training_failures: list[tuple[str, str]] = field(default_factory=list)
    # left records that look like one person registered twice: two (or more) entries alike
    # in name (and birth date) tied for one right record, both matched; for an officer to merge
    left_duplicates: list[tuple[str, str]] = field(default_factory=list)

    @property
    def matches(self) -> list[Pair]:
        return [p for p in self.pairs if p.decision == "match"]

    @property
    def reviews(self) -> list[Pair]:
        return [p for p in self.pairs if p.decision == "review"]


class LinkageError(RuntimeError):
    """The engine failed for a reason that is not the input's fault."""


def record_of(row: Record | Mapping[str, Any]) -> Record:
    """A record from a mapping with ``id``, ``full_name`` and optionally ``surname``,
    ``given_name``, ``patronymic``, ``birth_date`` and ``sex`` (as :func:`link` reads its rows)."""
    if isinstance(row, Record):
        return row

    def text(name: str) -> str | None:
        value = row.get(name)
        return None if value is None or str(value).strip() == "" else " ".join(str(value).split())

    rid, name = text("id"), text("full_name")
    if rid is None or name is None:
        raise ValueError(f"a record needs an id and a full_name: {dict(row)!r}")
    birth = row.get("birth_date")
    return Record(
        id=rid,
        full_name=name,
        birth_date=parse_birth_date(str(birth)) if birth not in (None, "") else None,
        sex=parse_sex(str(row["sex"])) if row.get("sex") else None,
        surname=text("surname"),
        given_name=text("given_name"),
        patronymic=text("patronymic"),
    )


def _quiet_splink() -> None:
    for name in ("splink", "py4j"):
        logging.getLogger(name).setLevel(logging.ERROR)


# --- back ends ---------------------------------------------------------------------------


@contextlib.contextmanager
def _duckdb_api(workdir: Path) -> Iterator[Any]:
    import duckdb
    from splink import DuckDBAPI

    con = duckdb.connect(":memory:")
    con.execute(f"SET temp_directory = '{workdir / 'duckdb'}'")
    con.execute("SET preserve_insertion_order = false")
    try:
        yield DuckDBAPI(connection=con)
    finally:
        con.close()


def new_spark_session(master: str, workdir: Path) -> Any:
    """A SparkSession whose warehouse, scratch and checkpoint directories are in ``workdir``."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:  # pragma: no cover - depends on the extra
        raise LinkageError(_("the Spark engine needs pyspark: pip install 'mekendesh[spark]'")) from exc
    builder = SparkSession.builder
    if master.startswith("local"):
        # Python workers (used by some of Splink's sampling) must be this interpreter.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        builder = builder.config("spark.pyspark.python", os.environ["PYSPARK_PYTHON"])
    spark = (
        builder.master(master)
        .appName("mekendesh-link")
        .config("spark.sql.warehouse.dir", str(workdir / "spark-warehouse"))
        .config("spark.local.dir", str(workdir / "spark-local"))
        .config("spark.driver.extraJavaOptions", f"-Dderby.system.home={workdir}")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "8")
        .config("spark.default.parallelism", "8")
        .config("spark.sql.adaptive.enabled", "true")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    return spark


@contextlib.contextmanager
def _spark_api(workdir: Path, master: str | None, session: Any | None) -> Iterator[Any]:
    from splink import SparkAPI

    own = session is None
    spark = session if session is not None else new_spark_session(master or "local[2]", workdir)
    sc = spark.sparkContext
    if sc.getCheckpointDir() is None:
        sc.setCheckpointDir(str(workdir / "spark-checkpoints"))
    local = sc.master.startswith("local")
    try:
        yield SparkAPI(  # type: ignore[no-untyped-call]
            spark_session=spark,
            break_lineage_method="persist" if local else "parquet",
            num_partitions_on_repartition=4 if local else None,
        )
    finally:
        if own:
            spark.stop()


# --- training ----------------------------------------------------------------------------


def _train(
    make_linker: Callable[[dict[str, Any]], Any],
    n_left: int,
    n_right: int,
    has_dates: bool,
    seed: int,
    failures: list[tuple[str, str]] | None = None,
) -> Model:
    """λ from deterministic rules, u by random sampling, m by EM sessions.

    An EM session that fails (no pairs to learn from, or a level no sampled pair falls in,
    whose m Splink refuses as 0) may leave the linker half updated: the parameters of the
    last stage that succeeded are kept, and the next session starts from them on a new linker.
    Each failure is appended to ``failures`` as (blocking rule, message).
    """
    from splink.internals.blocking_rule_library import CustomRule

    linker = make_linker(settings_dict())
    training = linker.training
    cap = 1.0 / max(n_left, n_right, 1)
    rules = (
        ["l.sur = r.sur AND l.giv = r.giv AND l.dob = r.dob"]
        if has_dates
        else ["l.sur = r.sur AND l.giv = r.giv AND l.pat = r.pat"]
    )
    try:
        training.estimate_probability_two_random_records_match(rules, recall=0.7)
        lam = linker._settings_obj._probability_two_random_records_match
    except Exception:  # no deterministic matches at all: fall back to the cap
        lam = cap / 2
    lam = min(max(lam, cap / 100), cap)
    linker._settings_obj._probability_two_random_records_match = lam

    max_pairs = min(5e6, max(1e5, 0.02 * n_left * n_right))
    training.estimate_u_using_random_sampling(max_pairs=max_pairs, seed=seed)
    good = Model.from_splink_settings(linker.misc.save_model_to_json())
    sessions = ["l.sur = r.sur AND l.giv = r.giv"]
    # The names are trained on pairs that agree on something else: the birth date, or
    # without dates the father's name plus the first letters of surname and given name.
    sessions.append("l.dob = r.dob" if has_dates else "l.pair4 = r.pair4 AND l.pat = r.pat")
    for rule in sessions:
        try:
            linker.training.estimate_parameters_using_expectation_maximisation(
                CustomRule(rule),
                estimate_without_term_frequencies=True,
                max_pairs=2e6,
            )
            good = Model.from_splink_settings(linker.misc.save_model_to_json())
        except Exception as exc:
            logger.info("EM session %s skipped: %s", rule, exc)
            if failures is not None:
                failures.append((rule, str(exc).split("\n")[0]))
            linker = make_linker(_complete(Model(lam, good.params)).settings())
    return _complete(Model(lam, good.params))


def _complete(model: Model) -> Model:
    """Fill levels that training could not observe with the starting values."""
    params: dict[str, dict[str, tuple[float | None, float | None]]] = {}
    for name, (_description, levels) in COMPARISONS.items():
        got = model.params.get(name, {})
        params[name] = {}
        for label, _condition, m0 in levels:
            m, u = got.get(label, (None, None))
            m = m0 if m is None or math.isnan(m) else m
            u = 1e-4 if u is None or math.isnan(u) else u
            params[name][label] = (min(max(m, 1e-6), 1.0), min(max(u, 1e-7), 1.0))
    return Model(model.probability_two_random_records_match, params)


# --- the job -----------------------------------------------------------------------------


def link(
    left_rows: Sequence[Record | Mapping[str, Any]],
    right_rows: Sequence[Record | Mapping[str, Any]],
    *,
    engine: Engine = "duckdb",
    model: Model | str | Path | None = None,
    match_threshold: float = DEFAULT_MATCH_THRESHOLD,
    review_threshold: float = DEFAULT_REVIEW_THRESHOLD,
    ambiguity_margin: float | None = DEFAULT_AMBIGUITY_MARGIN,
    right_may_repeat: bool = False,
    spark_master: str | None = None,
    spark_session: Any | None = None,
    seed: int = DEFAULT_SEED,
    progress: bool = False,
    chunk_size: int = 50_000,
    train: bool | None = None,
    left_features: Mapping[str, Sequence[Any]] | None = None,
) -> LinkResult:
    """Link ``left_rows`` with ``right_rows``; return the pairs at or above the review band.

    ``model`` is a :class:`Model` or the path of a saved model JSON; without one, u is
    estimated by random sampling and m by expectation maximisation on the data itself
    (``train=None`` trains only when both sides have at least ``MIN_RECORDS_TO_TRAIN``
    records and otherwise uses the shipped model; ``True``/``False`` force either).

    Each right record matches one left record, and a left record matches a second right
    record only when it scores about as high (see :func:`_demote_ambiguous`); the other
    candidates go to review. ``right_may_repeat`` says that the right side may list one
    person more than once: every candidate of a left record may then match.

    ``left_features`` gives the left side as columns already computed (``unique_id`` and the
    others of :data:`~mekendesh.linkage.features.COLUMNS`, each :func:`~mekendesh.linkage.features.record_features`
    of a record, as a register keeps them) instead of ``left_rows``, which is then empty.
    """
    import time

    if not 0 < review_threshold <= match_threshold <= 1:
        raise ValueError("thresholds must satisfy 0 < review_threshold <= match_threshold <= 1")
    if engine not in ("duckdb", "spark"):
        raise ValueError(f"unknown engine {engine!r}; use 'duckdb' or 'spark'")
    if isinstance(model, (str, Path)):
        model = Model.load(model)
    left = [record_of(r) for r in left_rows]
    right = [record_of(r) for r in right_rows]
    n_left = len(left) if left_features is None else len(left_features["unique_id"])
    n_right = len(right)
    if train is None:
        train = min(n_left, n_right) >= MIN_RECORDS_TO_TRAIN
    if model is None and not train:
        # Too few records to estimate anything: the shipped model, with the prior that about
        # half of the smaller side is found in the larger one.
        default = Model.load(DEFAULT_MODEL_PATH)
        lam = min(0.5 / max(n_left, n_right, 1), 0.5)
        model = _complete(Model(lam, default.params))
    if not n_left or not n_right:
        return LinkResult([], model or _complete(Model(1e-4, {})), engine, n_left, n_right)
    _quiet_splink()
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    bar = tqdm(total=len(left) + len(right), desc=_("features"), unit="rec", disable=not progress, leave=False)
    try:
        if left_features is None:
            lt = ft.feature_table(left, bar.update)
        else:
            lt = {name: list(left_features[name]) for name in ft.COLUMNS}
        rt = ft.feature_table(right, bar.update)
        ft.use_surname_roots(lt, rt)
    finally:
        bar.close()
    timings["features"] = time.perf_counter() - t0

    workdir = Path(tempfile.mkdtemp(prefix="mekendesh-link-"))
    try:
        if engine == "duckdb":
            api_cm = _duckdb_api(workdir)
        else:
            api_cm = _spark_api(workdir, spark_master, spark_session)
        names = NameFrequencies.of(lt) if min(n_left, n_right) >= MIN_RECORDS_TO_TRAIN else None
        with api_cm as api:
            job = _Job(
                n_left,
                n_right,
                model,
                engine,
                match_threshold,
                review_threshold,
                ambiguity_margin,
                right_may_repeat,
                seed,
                progress,
                chunk_size,
                timings,
                names,
                (_share_missing(lt["pat"]), _share_missing(rt["pat"])),
                left_table=lt,
                right_table=rt,
            )
            return _run(api, lt, rt, job)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


@dataclass
class _Job:
    """One linkage run's records and choices, passed from stage to stage."""

    n_left: int
    n_right: int
    model: Model | None
    engine: str
    match_threshold: float
    review_threshold: float
    ambiguity_margin: float | None
    right_may_repeat: bool
    seed: int
    progress: bool
    chunk_size: int
    timings: dict[str, float]
    names: NameFrequencies | None = None
    # share of records without a father's name on the left and on the right
    pat_missing: tuple[float, float] = (0.0, 0.0)
    training_failures: list[tuple[str, str]] = field(default_factory=list)
    # the feature tables, for the pairs no blocking rule finds (see _incomplete_name_pairs)
    left_table: dict[str, list[Any]] | None = None
    right_table: dict[str, list[Any]] | None = None


def _with_both_missing_m(model: Model, pat_missing: tuple[float, float]) -> Model:
    """Set m of "patronymic: both missing" from the data.

    A person whose documents give no father's name is written without one on every copy,
    so among true pairs both sides lack it about as often as the side with fewer such
    records does; a patronymic dropped from one copy falls in the null level instead.
    """
    share = min(pat_missing)
    if share <= 0:
        return model
    params = {name: dict(levels) for name, levels in model.params.items()}
    _, u = params["patronymic"].get("both missing", (None, None))
    params["patronymic"]["both missing"] = (min(max(share, 1e-4), 1.0), u)
    return Model(model.probability_two_random_records_match, params)


def _run(api: Any, lt: dict[str, list[Any]], rt: dict[str, list[Any]], job: _Job) -> LinkResult:
    import time

    t0 = time.perf_counter()
    # Names unique to this run: a shared Spark session keeps the temporary views of earlier runs.
    suffix = uuid.uuid4().hex[:8]
    left_name, right_name = f"{_LEFT}_{suffix}", f"{_RIGHT}_{suffix}"
    sdf_left = api.register(_arrow(lt), dataset_display_name=left_name)
    sdf_right = api.register(_arrow(rt), dataset_display_name=right_name)
    job.timings["register"] = time.perf_counter() - t0
    try:
        return _score(api, sdf_left, sdf_right, left_name, job)
    finally:
        for name in (left_name, right_name):
            with contextlib.suppress(Exception):
                api.delete_table_from_database(name)


def _score(api: Any, sdf_left: Any, sdf_right: Any, left_name: str, job: _Job) -> LinkResult:
    import time

    from splink import Linker

    n_left, n_right, model, engine = job.n_left, job.n_right, job.model, job.engine
    match_threshold, review_threshold, ambiguity_margin = (
        job.match_threshold,
        job.review_threshold,
        job.ambiguity_margin,
    )
    seed, progress, chunk_size, timings, names = job.seed, job.progress, job.chunk_size, job.timings, job.names
    lt_has_dates = job.left_table is not None and any(job.left_table["dob"])
    rt_has_dates = job.right_table is not None and any(job.right_table["dob"])
    if model is None:
        t0 = time.perf_counter()
        has_dates = lt_has_dates and rt_has_dates

        def make_linker(settings: dict[str, Any]) -> Any:
            return Linker([sdf_left, sdf_right], settings, log_level=None)

        with tqdm(total=1, desc=_("training"), disable=not progress, leave=False) as bar:
            model = _train(make_linker, n_left, n_right, has_dates, seed, job.training_failures)
            model = _with_both_missing_m(model, job.pat_missing)
            bar.update()
        timings["training"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    # Term frequencies need enough records to say which names are common.
    tf = min(n_left, n_right) >= MIN_RECORDS_TO_TRAIN
    linker = Linker([sdf_left, sdf_right], model.settings(term_frequencies=tf), log_level=None)
    labels = level_labels()
    n_chunks = max(1, math.ceil(n_right / chunk_size))
    rows: list[dict[str, Any]] = []
    for i in tqdm(
        range(1, n_chunks + 1), desc=_("scoring"), unit="chunk", disable=not progress or n_chunks == 1, leave=False
    ):
        if n_chunks == 1:
            sdf = linker.inference.predict(threshold_match_probability=review_threshold, warning_mode="never")
        else:
            sdf = linker.inference.predict_chunk(
                left_chunk=(1, 1),
                right_chunk=(i, n_chunks),
                threshold_match_probability=review_threshold,
                warning_mode="never",
            )
        rows.extend(_fetch(sdf))
        sdf.drop_table_from_database_and_remove_from_cache()
    timings["scoring"] = time.perf_counter() - t0

    duplicates: list[tuple[str, str]] = []
    alike = _LeftAlike(job.left_table) if job.left_table is not None else None
    pairs = _decide(
        rows,
        labels,
        left_name,
        match_threshold,
        ambiguity_margin,
        names,
        right_may_repeat=job.right_may_repeat,
        left_alike=alike,
        left_duplicates=duplicates,
    )
    if job.left_table is not None and job.right_table is not None:
        pairs += _incomplete_name_pairs(job.left_table, job.right_table, pairs, review_threshold)
        pairs.sort(key=lambda p: (p.left_id, p.right_id))
    return LinkResult(pairs, model, engine, n_left, n_right, timings, job.training_failures, duplicates)


# At most this many registered people are put in review for one name that gives only a
# surname, or a surname with initials: beyond that an officer cannot tell them apart either.
MAX_INCOMPLETE_CANDIDATES = 50


def _initial_agrees(initial: str | None, name: str | None, written: str | None) -> bool:
    """A name agrees with an initial: its key (or its letters as written) begins with it."""
    if not initial or not name:
        return True
    if name.startswith(initial) or (written or "").startswith(initial):
        return True
    # Е/Ye/Je/Э, Ю/Yu/Ju/U: an initial of a vowel, or of a glide and a vowel, is any vowel
    vowel = initial[0] in "aeiouy" or (initial[0] == "j" and initial[1:2] in ("e", "u", "o"))
    return vowel and name[0] in "aeiouy"


def _same_year(a: str | None, b: str | None) -> bool:
    """Two birth years that do not tell two people apart: the same, or one unknown. People of a
    surname born in other years are other people of that surname, not one written short: on a
    register of a million, a common surname alone would otherwise send thousands to review."""
    return not a or not b or a == b


def _incomplete_name_pairs(
    lt: Mapping[str, Sequence[Any]], rt: Mapping[str, Sequence[Any]], pairs: list[Pair], review_threshold: float
) -> list[Pair]:
    """Review pairs for names no blocking rule finds, however weak their score.

    * a record that gives only a surname, or a surname with initials («Токонов Б.Т.»,
      "Tokonov B."), against the records of the other side with that surname (or the same
      consonants) whose given name and father's name begin with the initials;
    * a surname made from the father's name («Бекжан Нурланов» for «Асанов Бекжан
      Нурланович»): the same given name, and the surname of one is the father's name of
      the other;

    in both, born in the same year where both records give a date of birth.

    Pairs already scored are left as they are; at most ``MAX_INCOMPLETE_CANDIDATES`` a record.
    """
    seen = {(p.left_id, p.right_id) for p in pairs}
    out: list[Pair] = []
    weight = math.log2(review_threshold / (1.0 - review_threshold)) if review_threshold < 1 else 0.0

    def index(table: Mapping[str, Sequence[Any]], *cols: str) -> dict[tuple[Any, ...], list[int]]:
        idx: dict[tuple[Any, ...], list[int]] = {}
        for i, values in enumerate(zip(*(table[c] for c in cols), strict=True)):
            if all(values):
                idx.setdefault(values, []).append(i)
        return idx

    def add(li: int, ri: int, given_label: str, surname_label: str = "exact") -> None:
        lid, rid = str(lt["unique_id"][li]), str(rt["unique_id"][ri])
        if (lid, rid) in seen:
            return
        seen.add((lid, rid))
        explanation = dict.fromkeys(COMPARISONS, ("missing", 0.0))
        explanation["surname"] = (surname_label, 0.0)
        explanation["given_name"] = (given_label, 0.0)
        out.append(
            Pair(
                lid,
                rid,
                review_threshold,
                weight,
                "review",
                explanation,
                lt["full_name"][li],
                rt["full_name"][ri],
                scored=False,
            )
        )

    def incomplete(mine: Mapping[str, Sequence[Any]], other: Mapping[str, Sequence[Any]], left: bool) -> None:
        rows = [i for i in range(len(mine["sur"])) if mine["sur"][i] and not mine["giv"][i]]
        if not rows:
            return
        by_sur = index(other, "sur")
        by_sk = index(other, "sur_sk")
        for i in rows:
            found = list(by_sur.get((mine["sur"][i],), []))
            sk = mine["sur_sk"][i]
            if sk and len(sk) >= 4:
                found += [j for j in by_sk.get((sk,), []) if j not in found]
            giv_init, pat_init = mine["giv_init"][i], mine["pat_init"][i]
            year = mine["dob_year"][i]
            kept = [
                j
                for j in found
                if _same_year(year, other["dob_year"][j])
                and _initial_agrees(giv_init, other["giv"][j], other["givw"][j])
                and _initial_agrees(pat_init, other["pat"][j], other["patw"][j])
            ]
            label = "initial" if giv_init else "missing"
            for j in kept[:MAX_INCOMPLETE_CANDIDATES]:
                add(j, i, label) if not left else add(i, j, label)

    incomplete(rt, lt, left=False)
    incomplete(lt, rt, left=True)
    # a surname made from the father's name, on either side
    for mine, other, left in ((rt, lt, False), (lt, rt, True)):
        by_pat_giv = index(other, "pat", "giv")
        for i, (sur, giv) in enumerate(zip(mine["sur_root"], mine["giv"], strict=True)):
            if not sur or not giv:
                continue
            year = mine["dob_year"][i]
            alike = [j for j in by_pat_giv.get((sur, giv), []) if _same_year(year, other["dob_year"][j])]
            for j in alike[:MAX_INCOMPLETE_CANDIDATES]:
                if other["sur"][j] != mine["sur"][i]:
                    add(i, j, "exact", "father's name") if left else add(j, i, "exact", "father's name")
    return out


class NameFrequencies:
    """How often surnames, given names and the two together occur on the left side.

    Splink weighs an exact surname and an exact given name each by its own frequency (its
    term-frequency adjustment) and adds the two as if they were independent. They are not:
    a Tajik surname comes with a Tajik given name, so in a register where Tajiks are 5 %
    the pair Rahimov Firdavs is about 20 times as common as the product of the two
    frequencies says, and a list row that shares both with dozens of registered people
    looks as rare as one that shares them with nobody. :meth:`joint_adjustment` replaces
    the product by the frequency of the two together, counted among the other records of
    the left side, with one pseudo-record on both sides so that few records move nothing.
    The father's name is not independent of the two either (fathers' names of one
    nationality): :meth:`father_adjustment` does the same for the three together.
    """

    __slots__ = ("n", "surnames", "givens", "pairs", "fathers", "triples")

    def __init__(
        self,
        n: int,
        surnames: Counter[str],
        givens: Counter[str],
        pairs: Counter[tuple[str, str]],
        fathers: Counter[str] | None = None,
        triples: Counter[tuple[str, str, str]] | None = None,
    ):
        self.n, self.surnames, self.givens, self.pairs = n, surnames, givens, pairs
        self.fathers = fathers if fathers is not None else Counter()
        self.triples = triples if triples is not None else Counter()

    @classmethod
    def of(cls, table: Mapping[str, Sequence[Any]]) -> NameFrequencies:
        sur, giv = table["sur"], table["giv"]
        pat = table.get("pat") or [None] * len(sur)
        return cls(
            len(sur),
            Counter(s for s in sur if s),
            Counter(g for g in giv if g),
            Counter((s, g) for s, g in zip(sur, giv, strict=True) if s and g),
            Counter(f for f in pat if f),
            Counter((s, g, f) for s, g, f in zip(sur, giv, pat, strict=True) if s and g and f),
        )

    def joint_adjustment(self, sur: str | None, giv: str | None) -> float:
        """Bits to add to a pair exact on both ``sur`` and ``giv`` (never more than 0).

        Other left records with this surname and given name: ``pairs - 1``; expected if
        the two were independent: ``(surnames - 1) * (givens - 1) / n``. Only a name pair
        more common than independence says lowers the weight; a rarer one is left to the
        separate term frequencies, which on a small side are noise.
        """
        if not sur or not giv or self.n < 2:
            return 0.0
        together = self.pairs.get((sur, giv), 1) - 1
        expected = max(self.surnames.get(sur, 1) - 1, 0) * max(self.givens.get(giv, 1) - 1, 0) / self.n
        return min(0.0, math.log2((expected + 1.0) / (together + 1.0)))

    def father_adjustment(self, sur: str | None, giv: str | None, pat: str | None) -> float:
        """Bits to add to a pair exact on surname, given name and father's name (never more than 0).

        Other left records with the three together: ``triples - 1``; expected if the father's
        name were independent of the surname and given name: ``(pairs - 1) * (fathers - 1) / n``.
        """
        if not sur or not giv or not pat or self.n < 2:
            return 0.0
        together = self.triples.get((sur, giv, pat), 1) - 1
        expected = max(self.pairs.get((sur, giv), 1) - 1, 0) * max(self.fathers.get(pat, 1) - 1, 0) / self.n
        return min(0.0, math.log2((expected + 1.0) / (together + 1.0)))


def _share_missing(values: Sequence[Any]) -> float:
    return sum(1 for v in values if not v) / len(values) if values else 0.0


def _arrow(table: dict[str, list[Any]]) -> Any:
    import pyarrow as pa

    return pa.table({name: pa.array(values, type=pa.string()) for name, values in table.items()})


def _fetch(sdf: Any) -> list[dict[str, Any]]:
    cols = [
        "match_weight",
        "match_probability",
        "source_dataset_l",
        "unique_id_l",
        "unique_id_r",
        "full_name_l",
        "full_name_r",
        "sur_l",
        "giv_l",
        "sur_r",
        "giv_r",
        "pat_l",
        "pat_r",
    ]
    for name in COMPARISONS:
        cols += [f"gamma_{name}", f"mw_{name}"]
    cols += [f"mw_tf_adj_{name}" for name in TF_COMPARISONS]
    return [{c: r.get(c) for c in cols} for r in sdf.as_record_list()]


def _weight(r: dict[str, Any], name: str) -> float:
    """The match weight of one comparison, its term-frequency adjustment included."""
    weight = float(r[f"mw_{name}"])
    tf = r.get(f"mw_tf_adj_{name}")
    if tf is not None and not math.isnan(float(tf)):
        weight += float(tf)
    return weight


def _decide(
    rows: list[dict[str, Any]],
    labels: dict[str, dict[int, str]],
    left_name: str,
    match_threshold: float,
    ambiguity_margin: float | None,
    names: NameFrequencies | None = None,
    *,
    right_may_repeat: bool = False,
    left_alike: Callable[[str, str], bool] | None = None,
    left_duplicates: list[tuple[str, str]] | None = None,
) -> list[Pair]:
    from .scorer import decide

    pairs: list[Pair] = []
    for r in rows:
        flipped = r["source_dataset_l"] != left_name
        lid, rid = (r["unique_id_r"], r["unique_id_l"]) if flipped else (r["unique_id_l"], r["unique_id_r"])
        lname, rname = (r["full_name_r"], r["full_name_l"]) if flipped else (r["full_name_l"], r["full_name_r"])
        explanation = {
            name: (labels[name].get(int(r[f"gamma_{name}"]), str(r[f"gamma_{name}"])), _weight(r, name))
            for name in COMPARISONS
        }
        p, weight = float(r["match_probability"]), float(r["match_weight"])
        if names is not None and explanation["surname"][0] == explanation["given_name"][0] == "exact":
            side = "r" if flipped else "l"
            adjust = names.joint_adjustment(r[f"sur_{side}"], r[f"giv_{side}"])
            if adjust:
                # counted with the given name, the evidence it overstated
                label, w = explanation["given_name"]
                explanation["given_name"] = (label, w + adjust)
                weight += adjust
                p = 1.0 / (1.0 + 2.0**-weight)
            if explanation["patronymic"][0] == "exact":
                adjust = names.father_adjustment(r[f"sur_{side}"], r[f"giv_{side}"], r[f"pat_{side}"])
                if adjust:
                    label, w = explanation["patronymic"]
                    explanation["patronymic"] = (label, w + adjust)
                    weight += adjust
                    p = 1.0 / (1.0 + 2.0**-weight)
        # the rule the search and the duplicate proposals apply too (scorer.decide)
        decision: Decision = decide(p, explanation, match_threshold=match_threshold, review_threshold=0.0) or "review"
        pairs.append(Pair(str(lid), str(rid), p, weight, decision, explanation, lname or "", rname or ""))
    if ambiguity_margin is not None:
        pairs = _demote_ambiguous(
            pairs,
            ambiguity_margin,
            right_may_repeat=right_may_repeat,
            left_alike=left_alike,
            left_duplicates=left_duplicates,
        )
    pairs.sort(key=lambda p: (p.left_id, p.right_id))
    return pairs


class _LeftAlike:
    """Whether two left records are alike enough to be one person registered twice.

    The same surname and given-name keys (so the same name in any script and spelling), the
    father's name the same or missing on one side, the birth dates the same or missing on
    one side.
    """

    def __init__(self, table: Mapping[str, Sequence[Any]]):
        self._rows = {
            str(uid): (sur, giv, pat, dob)
            for uid, sur, giv, pat, dob in zip(
                table["unique_id"], table["sur"], table["giv"], table["pat"], table["dob"], strict=True
            )
        }

    def __call__(self, a: str, b: str) -> bool:
        ra, rb = self._rows.get(a), self._rows.get(b)
        if ra is None or rb is None:
            return False
        (sa, ga, pa, da), (sb, gb, pb, db) = ra, rb
        if not sa or not ga or sa != sb or ga != gb:
            return False
        if pa and pb and pa != pb:
            return False
        return not (da and db and da != db)


def _demote_ambiguous(
    pairs: list[Pair],
    margin: float,
    *,
    right_may_repeat: bool = False,
    left_alike: Callable[[str, str], bool] | None = None,
    left_duplicates: list[tuple[str, str]] | None = None,
) -> list[Pair]:
    """A list row names one person; a registered person is matched by a second row only
    when that row is about as strong (the same person listed twice).

    Matches are taken strongest first. A candidate keeps "match" when:

    * its right record (a list row) is not taken by a stronger match, and no other free
      candidate of that row comes within ``margin`` bits of it (among those, the one that
      alone has the row's birth date wins, the others' dates known and different);
    * its left record (a registered person) is not taken by a match stronger by
      ``margin`` bits or more. Within the margin it may be the same person listed twice
      (two spellings of one name), so both keep "match"; a much weaker second row is a
      namesake more often than not (a row without a father's name against a row with it).
      ``right_may_repeat`` lets every candidate of a left record match.

    Tied candidates of one row whose left records are alike (``left_alike``: the same name,
    the same or no birth date) are one person registered twice: all of them keep "match", and
    each such pair of left ids is appended to ``left_duplicates`` for an officer to merge.

    Everything else goes to review, never out of the output: an officer decides.

    Splink's own ``cluster_using_single_best_links`` enforces one record per side too, but
    on Splink's weights before the adjustments of ``_decide`` and with exact ties only, so
    the assignment is done here on the final weights.
    """
    out = list(pairs)
    order = sorted(
        (i for i, p in enumerate(pairs) if p.decision == "match"),
        key=lambda i: (-pairs[i].match_weight, pairs[i].left_id, pairs[i].right_id),
    )
    by_right: dict[str, list[int]] = {}
    for i in order:
        by_right.setdefault(pairs[i].right_id, []).append(i)
    best_of_left: dict[str, float] = {}  # left id -> weight of the match that took it
    taken_right: set[str] = set()
    matched: set[int] = set()

    def left_free(j: int) -> bool:
        q = pairs[j]
        taken = best_of_left.get(q.left_id)
        return right_may_repeat or taken is None or taken - q.match_weight < margin

    for i in order:
        p = pairs[i]
        if p.right_id in taken_right or not left_free(i):
            continue
        near = [
            j
            for j in by_right[p.right_id]
            if j != i and left_free(j) and p.match_weight - pairs[j].match_weight < margin
        ]
        keep: int | None = i if not near else None
        if keep is None:
            # Tied on the names: when the birth dates tell them apart (one candidate born
            # on that very day, the others on a day known to be another), the date wins.
            tied = [i, *near]
            exact = [j for j in tied if pairs[j].explanation["birth_date"][0] == "exact"]
            known = all(pairs[j].explanation["birth_date"][0] != "missing" for j in tied)
            if len(exact) == 1 and known:
                keep = exact[0]
            elif left_alike is not None and all(left_alike(p.left_id, pairs[j].left_id) for j in near):
                # one person registered twice: every entry is this row's match
                taken_right.add(p.right_id)
                for j in tied:
                    matched.add(j)
                    best_of_left.setdefault(pairs[j].left_id, pairs[j].match_weight)
                if left_duplicates is not None:
                    left_duplicates.extend((p.left_id, pairs[j].left_id) for j in near)
                continue
        # the row is decided: matched, or contested and left to an officer
        taken_right.add(p.right_id)
        if keep is not None:
            matched.add(keep)
            q = pairs[keep]
            best_of_left.setdefault(q.left_id, q.match_weight)
    for i in order:
        if i not in matched:
            q = pairs[i]
            out[i] = Pair(
                q.left_id,
                q.right_id,
                q.match_probability,
                q.match_weight,
                "review",
                q.explanation,
                q.left_name,
                q.right_name,
            )
    return out
