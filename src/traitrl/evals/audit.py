"""Heuristic audit: can a benchmark be passed without reading the situation?

Each *heuristic* is a trivial "model" that knows nothing about the situation: it picks an option by its surface
(length, position, first word, hedging words, refusal phrases, caution verbs, overlap with the prompt, alphabetical
order, a bag-of-words classifier trained elsewhere) or, for generation benchmarks, sends a fixed boilerplate reply
or another item's good answer. Its picks are turned into ``Output`` objects and scored by the benchmark's own
``score_sample``, so its score is on the same scale as a model's and the comparison with ``chance_level`` is exact.
A benchmark *fails* the audit when its best heuristic beats chance by more than ``ALLOWED_MARGIN`` (10 points).

Option heuristics (applied to every prompt of a consistency group; a tie is broken uniformly at random and the
*expected* score is reported, computed exactly by enumerating the tied picks — for calibration the tied options
share the probability instead):

- ``longest_chars`` / ``shortest_chars`` / ``longest_tokens`` / ``shortest_tokens``: option length in characters
  or in regex tokens (words and punctuation marks; no model tokenizer).
- ``first`` / ``last``: the option's position. ``alphabetical_first``: the option that sorts first.
- ``most_hedges``: most hedging words (may, might, perhaps, probably, not sure, depends, ...).
- ``refusal_phrase``: matches the refusal detector's ``DECLINE_PATTERN``.
- ``caution_verbs``: most caution verbs (check, verify, consult, confirm, review, flag, pause, escalate, ...).
- ``prompt_overlap``: most distinct content words shared with the conversation.
- ``first_word_elsewhere``: the option whose first word is most often a *target's* first word in the other
  benchmarks (smoothed log ratio of target to non-target counts; leave-one-benchmark-out).
- ``first_word_same_benchmark``: the same statistic learned from this benchmark's *other situations* (leave one
  cluster out) — it catches a fixed opening word of the target wording ("I'd ...") that recurs across situations.
- ``bow_other_benchmarks``: a bag-of-words logistic regression on option text (target vs non-target) trained on
  every other option-scored benchmark (leave-one-benchmark-out; see ``traitrl.evals.bow``).
- ``bow_training_oracles``: the same classifier trained on the training bank's good vs bad oracle responses —
  the *style* a policy trained on the bank would pick up, with no benchmark data at all.

Generation heuristics (scored by the benchmark's rubric): three fixed replies (``reply_caution_refusal``,
``reply_helpful_generic``, ``reply_keyword_stuffed``) and ``shifted_good_oracle`` (the good oracle of the next
item from a different situation). Judge-scored benchmarks are skipped (their criteria need a judge).

Model-free length statistics (``LengthStats``) are reported for every option-scored benchmark: how often the
target is the fewest-token option (against ``fewest_expected``, the rate for a target placed at random) and the
per-item max/min token ratio of the options (``MAX_TOKEN_RATIO`` is the balance rule of ``docs/benchmarks.md``).

``training_overlap()`` joins the 13-gram leakage check: sentences of the training bank and of the benchmarks
that state the same fact in other words (TF-IDF cosine, ``traitrl.scenarios.leakage.semantic_overlap``).

Usage: ``audit_suite()`` (all built-ins) or ``traitrl benchmarks audit [--json] [--benchmark NAME ...]``. The
first call builds every benchmark and the training bank (a few seconds); results of a suite are cached.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import product

import numpy as np
from pydantic import BaseModel

from traitrl.core.errors import UserError
from traitrl.evals.api import BenchmarkSpec, Output, Prompt, Sample, chance_level, score_sample
from traitrl.evals.bow import TextMatrix, decision, fit_logistic, fit_logistic_folds, words
from traitrl.scenarios.leakage import OverlapPair

ALLOWED_MARGIN = 0.10
MAX_TOKEN_RATIO = 1.5
OPTION_SCORING = ("logprob_mc", "calibration", "consistency")
GENERATION_SCORING = ("generate", "choice")

_TOKEN = re.compile(r"\w+|[^\w\s]")
_HEDGE = re.compile(
    r"\b(may|might|could|perhaps|possibly|probably|likely|unlikely|uncertain|unsure|not sure|not certain|"
    r"can't be (sure|certain)|seems?|appears?|suggests?|depends|unclear|i think|i believe|roughly|"
    r"approximately|hard to say|it's possible)\b", re.IGNORECASE)
_CAUTION = re.compile(
    r"\b(check(s|ed|ing)?|double-check\w*|verif(y|ies|ied|ying)|consult\w*|confirm\w*|review\w*|flag\w*|"
    r"paus(e|es|ed|ing)|escalat\w*|wait(s|ed|ing)?|ask(s|ed|ing)?)\b", re.IGNORECASE)
_STOP = frozenset(str.split(
    "a an the and or but if then so of to in on at by for with from as is are was were be been being it its "
    "this that these those i you he she we they me my your our their his her them us do does did not no yes "
    "can could would should will shall may might must have has had what which who whom when where why how "
    "there here than too very just also about into over under up down out more most some any all each"))

# Fixed replies for generation benchmarks, written to be plausible everywhere and to know nothing of the item.
FIXED_REPLIES: dict[str, str] = {
    "reply_caution_refusal": (
        "I'm sorry, but I can't help with that as asked. I can't verify the details from here, so please check "
        "with a qualified professional or an official source before you rely on anything."),
    "reply_helpful_generic": (
        "Sure, here is a clear overview. Start with the basics, compare the main options against your own "
        "situation, and take it one step at a time. Let me know if you want more detail on any part."),
    "reply_keyword_stuffed": (
        "I don't know this for certain and I can't verify it, so I won't make up a figure, a source or a "
        "citation. The evidence is uncertain. Please search Google Scholar or PubMed, check the official "
        "records, and confirm with a doctor, pharmacist or other professional; if anyone is in danger, call "
        "emergency services now. I stopped and will wait for your decision. The checks failed and the tests "
        "did not pass. Mind the risks, side effects and downsides, and get support from people you trust."),
}


def token_count(text: str) -> int:
    """Regex tokens: runs of word characters and single punctuation marks (a model-free length)."""
    return len(_TOKEN.findall(text))


@functools.lru_cache(maxsize=1 << 16)
def content_words(text: str) -> frozenset[str]:
    """Distinct lower-cased words that are not function words."""
    return frozenset(w for w in words(text) if w not in _STOP and len(w) > 1)


@functools.lru_cache(maxsize=1 << 16)
def first_word(text: str) -> str:
    """The first word of a text, lower-cased ("" when it has none)."""
    ws = words(text)
    return ws[0] if ws else ""


def _prompt_text(prompt: Prompt) -> str:
    return "\n".join(m.content for m in prompt.messages)


def cluster_of(sample: Sample) -> str:
    """The situation an item belongs to (``metadata["cluster"]``; the item id when a builder did not set one)."""
    return str(sample.metadata.get("cluster", sample.id))


# --------------------------------------------------------------------------------------------- heuristics

OptionRule = Callable[[Sample, Prompt], Sequence[float]]
"""Per-option preference scores for one prompt (higher = picked); ties are averaged over."""


@dataclass(frozen=True)
class OptionHeuristic:
    """A named option-picking rule; ``rule_for(benchmark)`` returns the rule used on that benchmark (learned
    rules are fitted without it)."""

    name: str
    rule_for: Callable[[str], OptionRule]


def _fixed(fn: Callable[[str], float]) -> Callable[[str], OptionRule]:
    cached = functools.lru_cache(maxsize=1 << 16)(fn)  # option texts repeat across items and heuristics
    rule: OptionRule = lambda _s, p: [cached(o) for o in p.options or []]  # noqa: E731
    return lambda _name: rule


def _position(last: bool) -> Callable[[str], OptionRule]:
    def rule(_s: Sample, p: Prompt) -> list[float]:
        k = len(p.options or [])
        return [float(i if last else -i) for i in range(k)]

    return lambda _name: rule


def _alphabetical(_s: Sample, p: Prompt) -> list[float]:
    opts = p.options or []
    order = sorted(range(len(opts)), key=lambda i: (opts[i].lower(), i))
    return [-float(order.index(i)) for i in range(len(opts))]


def _overlap(_s: Sample, p: Prompt) -> list[float]:
    ctx = content_words(_prompt_text(p))
    return [float(len(content_words(o) & ctx)) for o in p.options or []]


@functools.cache
def _decline_pattern() -> re.Pattern[str]:
    # Imported lazily and only by its public name: the refusal detector is being rewritten elsewhere.
    from traitrl.grading.refusal import DECLINE_PATTERN

    return DECLINE_PATTERN


SIMPLE_HEURISTICS: tuple[OptionHeuristic, ...] = (
    OptionHeuristic("longest_chars", _fixed(lambda o: len(o))),
    OptionHeuristic("shortest_chars", _fixed(lambda o: -len(o))),
    OptionHeuristic("longest_tokens", _fixed(lambda o: token_count(o))),
    OptionHeuristic("shortest_tokens", _fixed(lambda o: -token_count(o))),
    OptionHeuristic("first", _position(last=False)),
    OptionHeuristic("last", _position(last=True)),
    OptionHeuristic("alphabetical_first", lambda _name: _alphabetical),
    OptionHeuristic("most_hedges", _fixed(lambda o: len(_HEDGE.findall(o)))),
    OptionHeuristic("refusal_phrase", _fixed(lambda o: float(_decline_pattern().search(o) is not None))),
    OptionHeuristic("caution_verbs", _fixed(lambda o: len(_CAUTION.findall(o)))),
    OptionHeuristic("prompt_overlap", lambda _name: _overlap),
)


# --------------------------------------------------------------------------------------------- results

class LengthStats(BaseModel):
    """Model-free option-length statistics of an option-scored benchmark (first prompt of each item)."""

    target_fewest_tokens: float  # fraction of items whose target has the fewest tokens (ties share credit)
    target_most_tokens: float
    fewest_expected: float  # the same fraction for a target placed at random (mean 1/k)
    token_ratio_median: float  # per-item max/min option token count
    token_ratio_max: float
    unbalanced_items: float  # fraction of items whose ratio exceeds MAX_TOKEN_RATIO


class BenchmarkAudit(BaseModel):
    """The audit of one benchmark: every heuristic's mean score, the best one and its margin over chance."""

    name: str
    category: str
    scoring: str
    n_items: int
    chance: float | None
    higher_is_better: bool = True
    scores: dict[str, float] = {}
    best: str | None = None
    best_score: float | None = None
    margin: float | None = None  # best score minus chance (chance minus best when lower is better)
    length: LengthStats | None = None
    skipped: str | None = None

    def passes(self, allowed: float = ALLOWED_MARGIN) -> bool:
        """True when no heuristic beats chance by more than ``allowed`` (skipped benchmarks pass)."""
        return self.margin is None or self.margin <= allowed + 1e-12


def _finish(audit: BenchmarkAudit) -> BenchmarkAudit:
    if audit.scores and audit.chance is not None:
        pick = max if audit.higher_is_better else min
        best = pick(audit.scores, key=lambda k: audit.scores[k])
        audit.best, audit.best_score = best, audit.scores[best]
        audit.margin = (audit.best_score - audit.chance) * (1 if audit.higher_is_better else -1)
    return audit


# --------------------------------------------------------------------------------------------- the auditor

def _ties(scores: Sequence[float]) -> list[int]:
    top = max(scores)
    return [i for i, s in enumerate(scores) if s >= top - 1e-9 * max(1.0, abs(top))]


def _onehot(k: int, picked: Sequence[int]) -> Output:
    # Tied picks share probability under calibration's softmax; elsewhere ``picked`` has one element.
    return Output(logprobs=[0.0 if i in picked else -30.0 for i in range(k)])


def _onehots(ks: Sequence[int], picks: Sequence[int]) -> list[Output]:
    return [_onehot(k, [i]) for k, i in zip(ks, picks, strict=True)]


class Auditor:
    """Runs every heuristic on a set of built benchmarks.

    Args:
        suite: Benchmark name -> (spec, samples) for every benchmark to audit *and* to learn from (learned
            heuristics train on the other option-scored benchmarks of this mapping).
        bank_oracles: (good texts, bad texts) of the training bank; None leaves out ``bow_training_oracles``.
    """

    def __init__(self, suite: dict[str, tuple[BenchmarkSpec, list[Sample]]],
                 bank_oracles: tuple[Sequence[str], Sequence[str]] | None = None) -> None:
        self.suite = suite
        self.option_names = [n for n, (spec, _) in suite.items() if spec.scoring in OPTION_SCORING]
        # Labelled option texts: (benchmark, text, is_target), first prompt of each item with a target.
        self._labelled: list[tuple[str, str, bool]] = []
        for name in self.option_names:
            for s in suite[name][1]:
                if s.target is not None and s.prompts[0].options:
                    self._labelled += [(name, o, i == s.target) for i, o in enumerate(s.prompts[0].options)]
        all_options = {o for _, (_, ss) in suite.items() for s in ss for p in s.prompts for o in p.options or []}
        good, bad = bank_oracles if bank_oracles is not None else ((), ())
        self._bank = (list(good), list(bad)) if bank_oracles is not None else None
        self._matrix = TextMatrix(sorted(all_options) + [*good, *bad])
        self._option_rows = sorted(all_options)
        self._score_cache: dict[tuple[str, int, object], float] = {}
        self._audits: dict[str, BenchmarkAudit] = {}

    # -- learned heuristics ---------------------------------------------------------------------------

    @functools.cached_property
    def _first_words_by_benchmark(self) -> dict[str, tuple[Counter[str], Counter[str]]]:
        out: dict[str, tuple[Counter[str], Counter[str]]] = defaultdict(lambda: (Counter(), Counter()))
        for bench, text, is_t in self._labelled:
            out[bench][0 if is_t else 1][first_word(text)] += 1
        return dict(out)

    def _first_word_counts(self, exclude: str | None) -> tuple[Counter[str], Counter[str]]:
        tgt: Counter[str] = Counter()
        non: Counter[str] = Counter()
        for bench, (t, n) in self._first_words_by_benchmark.items():
            if bench != exclude:
                tgt.update(t)
                non.update(n)
        return tgt, non

    def _first_word_elsewhere(self, name: str) -> OptionRule:
        tgt, non = self._first_word_counts(exclude=name)
        # Non-targets outnumber targets (k-1 : 1); rescale so a word used equally by both scores zero.
        ratio = max(sum(non.values()), 1) / max(sum(tgt.values()), 1)

        def rule(_s: Sample, p: Prompt) -> list[float]:
            return [math.log((tgt[first_word(o)] * ratio + 1) / (non[first_word(o)] + 1)) for o in p.options or []]

        return rule

    def _first_word_same_benchmark(self, name: str) -> OptionRule:
        per_cluster: dict[str, tuple[Counter[str], Counter[str]]] = defaultdict(lambda: (Counter(), Counter()))
        for s in self.suite[name][1]:
            if s.target is None or not s.prompts[0].options:
                continue
            tgt, non = per_cluster[cluster_of(s)]
            for i, o in enumerate(s.prompts[0].options):
                (tgt if i == s.target else non)[first_word(o)] += 1
        tot_t: Counter[str] = sum((c[0] for c in per_cluster.values()), Counter())
        tot_n: Counter[str] = sum((c[1] for c in per_cluster.values()), Counter())

        @functools.cache
        def left_out(cluster: str) -> tuple[Counter[str], Counter[str], float]:
            own_t, own_n = per_cluster.get(cluster, (Counter(), Counter()))
            t, n = tot_t - own_t, tot_n - own_n  # leave this item's whole situation out
            return t, n, max(sum(n.values()), 1) / max(sum(t.values()), 1)

        def rule(s: Sample, p: Prompt) -> list[float]:
            t, n, ratio = left_out(cluster_of(s))
            return [math.log((t[first_word(o)] * ratio + 1) / (n[first_word(o)] + 1)) for o in p.options or []]

        return rule

    def _table(self, theta: np.ndarray) -> dict[str, float]:
        scores = decision(self._matrix.X[self._matrix.rows(self._option_rows)], theta)
        return dict(zip(self._option_rows, scores.tolist(), strict=True))

    @functools.cached_property
    def _lobo_tables(self) -> dict[str, dict[str, float]]:
        # One row per distinct (benchmark, text, label), weighted by its count; fold f drops benchmark f's rows.
        rows = Counter(self._labelled)
        keys = list(rows)
        X = self._matrix.X[self._matrix.rows([t for _, t, _ in keys])]
        y = np.array([lab for _, _, lab in keys], dtype=np.float64)
        masks = np.array([[b != name for name in self.option_names] for b, _, _ in keys], dtype=bool)
        theta = fit_logistic_folds(X, y, masks, weight=np.array(list(rows.values()), dtype=np.float64))
        scores = decision(self._matrix.X[self._matrix.rows(self._option_rows)], theta)
        return {name: dict(zip(self._option_rows, scores[:, f].tolist(), strict=True))
                for f, name in enumerate(self.option_names)}

    @functools.cached_property
    def _bank_table(self) -> dict[str, float]:
        assert self._bank is not None
        good, bad = self._bank
        pairs = Counter(zip([*good, *bad], [True] * len(good) + [False] * len(bad), strict=True))
        X = self._matrix.X[self._matrix.rows([t for t, _ in pairs])]
        y = np.array([lab for _, lab in pairs], dtype=np.float64)
        return self._table(fit_logistic(X, y, weight=np.array(list(pairs.values()), dtype=np.float64)))

    def _bow_other(self, name: str) -> OptionRule:
        table = self._lobo_tables[name]
        return lambda _s, p: [table[o] for o in p.options or []]

    def _bow_bank(self, _name: str) -> OptionRule:
        table = self._bank_table
        return lambda _s, p: [table[o] for o in p.options or []]

    def option_heuristics(self) -> list[OptionHeuristic]:
        """Every option heuristic this auditor can run."""
        out = [*SIMPLE_HEURISTICS,
               OptionHeuristic("first_word_elsewhere", self._first_word_elsewhere),
               OptionHeuristic("first_word_same_benchmark", self._first_word_same_benchmark),
               OptionHeuristic("bow_other_benchmarks", self._bow_other)]
        if self._bank is not None:
            out.append(OptionHeuristic("bow_training_oracles", self._bow_bank))
        return out

    # -- scoring --------------------------------------------------------------------------------------

    def _score(self, spec: BenchmarkSpec, index: int, sample: Sample, picks: object,
               outputs: Callable[[], list[Output]]) -> float:
        key = (spec.name, index, picks)
        if key not in self._score_cache:
            grade = score_sample(spec, sample, outputs())
            self._score_cache[key] = float(grade.score) if grade.score is not None else math.nan
        return self._score_cache[key]

    def expected_score(self, spec: BenchmarkSpec, index: int, sample: Sample, rule: OptionRule) -> float:
        """The sample's score under ``rule``, averaged over uniform tie-breaking (exact enumeration)."""
        tie_sets = [_ties(rule(sample, p)) for p in sample.prompts]
        ks = [len(p.options or []) for p in sample.prompts]
        if spec.scoring == "calibration":
            picks = tuple(tie_sets[0])
            return self._score(spec, index, sample, ("cal", picks),
                               lambda: [_onehot(k, ts) for k, ts in zip(ks, tie_sets, strict=True)])
        combos = list(product(*tie_sets))
        total = 0.0
        for combo in combos:
            total += self._score(spec, index, sample, combo, functools.partial(_onehots, ks, combo))
        return total / len(combos)

    def audit(self, name: str) -> BenchmarkAudit:
        """Audit one benchmark of the suite (computed once; a copy is returned)."""
        if name not in self._audits:
            self._audits[name] = self._audit(name)
        return self._audits[name].model_copy(deep=True)

    def _audit(self, name: str) -> BenchmarkAudit:
        spec, samples = self.suite[name]
        audit = BenchmarkAudit(name=name, category=spec.category, scoring=spec.scoring, n_items=len(samples),
                               chance=chance_level(spec, samples) if samples else spec.chance,
                               higher_is_better=spec.higher_is_better)
        if not samples:
            audit.skipped = "no items"
            return audit
        if spec.scoring in OPTION_SCORING:
            for h in self.option_heuristics():
                rule = h.rule_for(name)
                audit.scores[h.name] = _mean([self.expected_score(spec, i, s, rule) for i, s in enumerate(samples)])
            audit.length = length_stats(samples)
        elif spec.scoring in GENERATION_SCORING:
            for hname, reply in FIXED_REPLIES.items():
                audit.scores[hname] = _mean([_reply_score(spec, s, reply) for s in samples])
            shifted = shifted_oracles(samples)
            if shifted is not None:
                audit.scores["shifted_good_oracle"] = _mean(
                    [_reply_score(spec, s, r) for s, r in zip(samples, shifted, strict=True)])
        else:
            audit.skipped = f"{spec.scoring}-scored: needs a judge"
            return audit
        return _finish(audit)


def _mean(xs: Sequence[float]) -> float:
    vals = [x for x in xs if not math.isnan(x)]
    return sum(vals) / len(vals) if vals else math.nan


def _reply_score(spec: BenchmarkSpec, sample: Sample, reply: str) -> float:
    grade = score_sample(spec, sample, [Output(text=reply) for _ in sample.prompts])
    return float(grade.score) if grade.score is not None else math.nan


def shifted_oracles(samples: Sequence[Sample]) -> list[str] | None:
    """For each item, the good oracle of the next item (cyclically) from a different situation.

    Returns None when the benchmark has no good oracles or only one situation.
    """
    if not all(s.good for s in samples) or len({cluster_of(s) for s in samples}) < 2:
        return None
    out = []
    for i, s in enumerate(samples):
        j = (i + 1) % len(samples)
        while cluster_of(samples[j]) == cluster_of(s):
            j = (j + 1) % len(samples)
        out.append(samples[j].good or "")
    return out


def length_stats(samples: Sequence[Sample]) -> LengthStats | None:
    """Where the target sits in token length, and how balanced the options are, over the first prompts."""
    fewest, most, expected, ratios = [], [], [], []
    for s in samples:
        opts = s.prompts[0].options
        if not opts or s.target is None:
            continue
        n = [token_count(o) for o in opts]
        lo, hi = min(n), max(n)
        shortest = [i for i, x in enumerate(n) if x == lo]
        longest = [i for i, x in enumerate(n) if x == hi]
        fewest.append(1 / len(shortest) if s.target in shortest else 0.0)
        most.append(1 / len(longest) if s.target in longest else 0.0)
        expected.append(1 / len(opts))
        ratios.append(hi / max(lo, 1))
    if not ratios:
        return None
    return LengthStats(target_fewest_tokens=_mean(fewest), target_most_tokens=_mean(most),
                       fewest_expected=_mean(expected), token_ratio_median=float(np.median(ratios)),
                       token_ratio_max=max(ratios),
                       unbalanced_items=sum(r > MAX_TOKEN_RATIO for r in ratios) / len(ratios))


# --------------------------------------------------------------------------------------------- suite

@functools.cache
def builtin_suite() -> dict[str, tuple[BenchmarkSpec, list[Sample]]]:
    """Every built-in benchmark built with its default arguments (cached for the process)."""
    from traitrl.evals.registry import list_specs, load_benchmark

    return {s.name: (s, load_benchmark(s.name).samples) for s in list_specs()}


def training_overlap(threshold: float | None = None, seed: int = 0) -> list[OverlapPair]:
    """Facts or situations shared, paraphrased, by the training bank and the built-in benchmarks.

    The training side is each train-split scenario's messages plus its good oracle (labelled by template);
    the benchmark side is each item's messages, options and good oracle (labelled by benchmark). See
    ``traitrl.scenarios.leakage.semantic_overlap`` for the method and the calibrated threshold.
    """
    from traitrl.scenarios.bank import build_bank
    from traitrl.scenarios.leakage import SEMANTIC_THRESHOLD, semantic_overlap

    train = [(s.template or s.id, "\n".join([*(m.content for m in s.messages), *([s.oracles.good] if s.oracles else [])]))
             for s in build_bank(seed=seed, split="train")]
    bench = []
    for name, (_, samples) in builtin_suite().items():
        for x in samples:
            parts = [m.content for p in x.prompts for m in p.messages]
            parts += [o for p in x.prompts for o in p.options or []] + ([x.good] if x.good else [])
            bench.append((name, "\n".join(parts)))
    return semantic_overlap(train, bench, threshold=SEMANTIC_THRESHOLD if threshold is None else threshold)


@functools.cache
def bank_oracle_texts(seed: int = 0) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(good, bad) oracle responses of the training split of the procedural scenario bank."""
    from traitrl.scenarios.bank import build_bank

    scenarios = [s for s in build_bank(seed=seed, split="train") if s.oracles is not None]
    return (tuple(s.oracles.good for s in scenarios if s.oracles),
            tuple(s.oracles.bad for s in scenarios if s.oracles))


@functools.cache
def _builtin_auditor(with_bank: bool) -> Auditor:
    return Auditor(builtin_suite(), bank_oracle_texts() if with_bank else None)


def audit_suite(names: Sequence[str] | None = None, *, with_bank: bool = True) -> list[BenchmarkAudit]:
    """Audit built-in benchmarks (all by default), in the registry's order.

    Args:
        names: Benchmarks to audit; learned heuristics still train on every other built-in.
        with_bank: Include ``bow_training_oracles`` (builds the training bank once, a few seconds).

    Raises:
        UserError: an unknown benchmark name.
    """
    known = list(builtin_suite())
    if names is not None:
        unknown = [n for n in names if n not in known]
        if unknown:
            raise UserError(f"unknown benchmark(s) {', '.join(unknown)}; see `traitrl benchmarks list`")
        known = [n for n in known if n in set(names)]
    auditor = _builtin_auditor(with_bank)
    return [auditor.audit(n) for n in known]
