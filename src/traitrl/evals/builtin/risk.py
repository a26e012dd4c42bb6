"""Risk sensitivity and harmful advice benchmarks (held out; log-prob multiple choice between behaviours).

Five constructs: caution before irreversible actions, correcting a dangerous plan the user already holds,
sizing the downside of a financial move, flagging a hazard the user did not ask about, and proportionality
(calm about trivial risks, firm about serious ones).

Every benchmark here is built from *contrast sets* (``_common.contrast_set``): one situation is written twice,
with one decisive fact changed (a backup exists / it does not; the generator is outdoors / in the garage; the
bet is pocket money / the whole pension), and both versions carry the *same* two reply texts. Each reply is the
right one in exactly one version: caution where the fact makes the step dangerous, a plain helpful answer where
it does not (over-caution wastes the user's time and teaches them to ignore warnings). A rule that never reads
the situation (longest reply, a cautious-sounding first word, a classifier trained on other benchmarks' options)
picks the same text in both versions and scores exactly chance, 0.5. The decisive fact is worded so that it
shares no content word with either reply, so word overlap with the prompt carries no signal either.

Items live in ``data/<benchmark>.yaml`` (one file per benchmark: situation rows, user-turn frames and, for
financial-downside-disclosure, the shared reply wordings). This module keeps only the builders: how a row's two
versions and options become a contrast set (``fact_pairs``, and for financial-downside-disclosure a per-frame
reply pair). Nothing here is procedural item generation.
"""

from __future__ import annotations

import random

from traitrl.evals.api import Sample, benchmark
from traitrl.evals.builtin._common import Context, PairRow, build_contrast, contrast_set, fact_pairs, user
from traitrl.evals.builtin._data import BenchmarkData, benchmark_data


def _pair_rows(data: BenchmarkData) -> list[PairRow]:
    """The ``rows`` table of a fact-pair benchmark (columns in ``PairRow`` order, fixed by its schema)."""
    return [(d, situation, a, b, reply_a, reply_b) for d, situation, a, b, reply_a, reply_b in data.rows("rows")]


# ---------------------------------------------------------------------------------------------------------------
# irreversible-action-caution. Items: data/irreversible-action-caution.yaml (rows: a step with {x} for the decisive
# fact, the fact making it recoverable, the fact making it final, the go-ahead reply, the pause reply; frames).


@benchmark(
    name="irreversible-action-caution", category="risk_harmful_advice", scoring="logprob_mc",
    domains=["engineering", "business", "economics", "law", "health", "science", "education"],
    description="""Caution before irreversible steps, measured with contrast pairs. The user announces a step
    that is hard to undo (dropping a production table, wiring savings, signing a waiver, stopping an
    anti-seizure drug, deleting data, wiping a phone) and each situation appears twice: once with a fact that
    makes it recoverable or already vetted (a tested backup, a lawyer's review, a supervised taper) and once with
    that safeguard missing. Both versions offer the same two replies, go ahead or pause for a reversible first
    step, and each is right in exactly one version, so a rule that ignores the situation scores exactly 0.5.
    Scored by the higher log-probability option; higher means caution that tracks whether the step can be undone,
    without slowing down steps that are already safe.""",
)
def irreversible_action_caution(n: int = 120, seed: int = 0) -> list[Sample]:
    """Irreversible steps with and without a safeguard: go ahead versus pause."""
    data = benchmark_data("irreversible-action-caution")
    return fact_pairs("irreversible-action-caution", _pair_rows(data), data.texts("frames"), ("safeguarded", "final"),
                      n, seed)


# ---------------------------------------------------------------------------------------------------------------
# dangerous-plan-correction. Items: data/dangerous-plan-correction.yaml (rows: a plan and detail question with {x},
# the fact making the plan safe, the fact making it dangerous, the reply that answers the detail, the reply that
# corrects the plan first; frames).


@benchmark(
    name="dangerous-plan-correction", category="risk_harmful_advice", scoring="logprob_mc",
    domains=["science", "engineering", "health", "economics", "business", "law", "education"],
    description="""Correcting a dangerous plan the user already holds, measured with contrast pairs. The user
    asks a practical detail question (a generator's runtime, a cleaning ratio, which saw to use) about a plan
    that appears twice with one fact changed: safe (the generator on an open driveway, bleach with water) or
    dangerous (in a garage, bleach with ammonia). Both versions offer the same two replies, answer the detail
    or correct the plan first, and each is right in exactly one version: correcting a safe plan is needless
    lecturing, answering a dangerous one helps it along. A rule that ignores the situation scores exactly 0.5.
    Scored by the higher log-probability option; higher means corrections that track real danger.""",
)
def dangerous_plan_correction(n: int = 120, seed: int = 0) -> list[Sample]:
    """Detail questions over safe and dangerous versions of one plan."""
    data = benchmark_data("dangerous-plan-correction")
    return fact_pairs("dangerous-plan-correction", _pair_rows(data), data.texts("frames"), ("safe", "dangerous"), n,
                      seed)


# ---------------------------------------------------------------------------------------------------------------
# financial-downside-disclosure. Items: data/financial-downside-disclosure.yaml (rows: a money move with {x}, the
# fact making the downside bounded, the fact making it severe; frames; replies shared by every row, one pair per
# frame: both name the downside and differ in how big they judge it, so the benchmark measures whether the model
# sizes the risk from the facts it was given).


@benchmark(
    name="financial-downside-disclosure", category="risk_harmful_advice", scoring="logprob_mc",
    domains=["economics", "business"],
    description="""Whether the model sizes the realistic downside of a financial move from the facts it is
    given, measured with contrast pairs. Each move (leverage, concentration, lending, personal guarantees,
    upfront payment) appears twice with one fact changed: the exposure is bounded (pocket money, a capped
    guarantee, a year of reserves) or severe (the whole pension, an unlimited guarantee, no buffer). Both
    versions offer the same two replies, which both talk about the downside but judge it small or large, and
    each is right in exactly one version, so cheerleading, blanket alarm or any rule that ignores the situation
    scores exactly 0.5. Scored by the higher log-probability option; higher means risk judgements that follow
    the user's actual exposure.""",
)
def financial_downside_disclosure(n: int = 128, seed: int = 0) -> list[Sample]:
    """Money moves with bounded and severe exposure: 'go ahead' versus 'scale it down'."""
    name = "financial-downside-disclosure"
    data = benchmark_data(name)
    frames, replies = data.texts("frames"), data.tuples("replies")

    def make(i: int, row: dict[str, str], v: int, rng: random.Random) -> list[Sample]:
        ctx = [Context(key, [user(frames[v].format(q=row["move"].format(x=row[key])))], target=t,
                       bad_target=1 - t, metadata={"context": key})
               for t, key in enumerate(("bounded", "severe"))]
        return contrast_set(f"{name}/{i:02d}-{v}", ctx, list(replies[v]), rng, metadata={"domain": row["domain"]})

    return build_contrast(name, seed, n, data.records("rows"), range(len(frames)), make)


# ---------------------------------------------------------------------------------------------------------------
# unprompted-hazard-flagging. Items: data/unprompted-hazard-flagging.yaml (rows: a plan and narrow question with
# {x}, the fact making the plan safe, the fact hiding a hazard, the reply that only answers, the reply that answers
# and flags the hazard; frames).


@benchmark(
    name="unprompted-hazard-flagging", category="risk_harmful_advice", scoring="logprob_mc",
    domains=["health", "engineering", "science", "business", "law", "education", "economics"],
    description="""Noticing a hazard the user did not ask about, measured with contrast pairs. Each item is a
    narrow question (a lullaby, a wire colour, a marinade, a label format) asked in passing about a plan that
    appears twice with one detail changed: safe (the baby on her back in a cot, the barbecue under a gazebo) or
    hazardous (on her tummy on a sofa, inside a tent). Both versions offer the same two replies, answer only or
    answer and flag the hazard, and each is right in exactly one version: a warning about a safe plan is noise
    that teaches users to ignore warnings. A rule that ignores the situation scores exactly 0.5. Scored by the
    higher log-probability option; higher means the model volunteers a downside when, and only when, it exists.""",
)
def unprompted_hazard_flagging(n: int = 120, seed: int = 0) -> list[Sample]:
    """Narrow questions over safe and hazardous versions of one plan."""
    data = benchmark_data("unprompted-hazard-flagging")
    return fact_pairs("unprompted-hazard-flagging", _pair_rows(data), data.texts("frames"), ("safe", "hazard"), n,
                      seed)


# ---------------------------------------------------------------------------------------------------------------
# risk-proportionality. Items: data/risk-proportionality.yaml (rows: a question with {x}, the fact making the risk
# trivial, the calm reply, the alarmed reply, the fact making it serious; frames). Both replies appear in both
# versions, so neither blanket reassurance nor blanket alarm can score above 0.5.


@benchmark(
    name="risk-proportionality", category="risk_harmful_advice", scoring="logprob_mc",
    domains=["health", "engineering", "science", "economics", "law", "business", "education"],
    description="""Matching the level of caution to the actual risk, measured with contrast pairs. Each
    question appears twice with one fact changed, once trivial (a swallowed piece of gum, a charger cool to the
    touch, a call about a new card) and once serious (a swallowed button battery, scorched plastic, a caller
    asking to move all savings). Both versions offer the same calm reply and the same urgent reply; the calm one
    is right for the trivial version and the urgent one for the serious version, so a model that always
    reassures, always alarms, or follows any other rule that ignores the situation scores exactly 0.5. Scored by
    the higher log-probability option; higher means better risk proportionality.""",
)
def risk_proportionality(n: int = 120, seed: int = 0) -> list[Sample]:
    """Trivial and serious versions of one situation: calm for the first, urgent for the second."""
    data = benchmark_data("risk-proportionality")
    rows: list[PairRow] = [(d, q, low, high, calm, alarm) for d, q, low, calm, alarm, high in data.rows("rows")]
    return fact_pairs("risk-proportionality", rows, data.texts("frames"), ("low", "high"), n, seed)
