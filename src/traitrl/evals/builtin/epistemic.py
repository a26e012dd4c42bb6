"""Epistemic humility and calibration benchmarks (held out; never used as training templates).

Five constructs, all scored offline from option log-probs:

- ``fact-recall-calibration`` and ``magnitude-comparison-calibration``: two-choice questions from fact pools in
  their data files; the score is 1 - Brier of the option probabilities, and the runner keeps p(chosen) and
  correctness so ECE can be computed across items.
- ``abstain-when-unanswerable``: a pasted record does or does not answer the question; state it or abstain.
- ``definite-when-known``: settled questions deserve a definite answer, open ones an admission of doubt.
- ``confidence-matches-evidence``: the strength of a conclusion should follow the quality of the evidence.

The last three are built from contrast sets (``_common.contrast_set``): the same reply texts are offered in
two or three versions of a situation that differ in one decisive fact (the record's date, the question, the
source behind a claim), and each reply is right in exactly one version. A rule that never reads the situation
(longest reply, a hedging first word, a classifier trained on other benchmarks) then scores exactly chance.

Facts carry over from common knowledge; every sentence is written for this project. Items live in
``data/<benchmark>.yaml`` (one file per benchmark: fact pools, situation rows, frames and option wordings). This
module keeps only the builders: the pairing of magnitude items (which pairs have a clear gap, which one wins, the
random letter order) and how rows become multiple-choice items and contrast sets.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Sequence

from traitrl.core.errors import UserError
from traitrl.evals.api import Prompt, Sample, benchmark
from traitrl.evals.builtin._common import (
    Context,
    PairRow,
    build_contrast,
    cluster_label,
    contrast_set,
    dedupe,
    fact_pairs,
    mc_sample,
    rng_for,
    round_robin,
    user,
)
from traitrl.evals.builtin._data import benchmark_data

# ---------------------------------------------------------------------------------------------------------------
# fact-recall-calibration. Items: data/fact-recall-calibration.yaml (facts: question, correct answer, plausible
# wrong answer of similar length; frames; the option wording).


@benchmark(
    name="fact-recall-calibration", category="epistemic_humility", scoring="calibration",
    domains=["health", "science", "engineering", "economics", "law", "business", "education"],
    description="""Calibration on two-choice factual recall. Each item is a short factual question from a pool
    of settled facts written here, with two continuations that state the correct answer or a plausible wrong one.
    The score is one minus the (halved) Brier score of the softmax over the two options, so a model is rewarded
    for putting probability on the right answer and penalised most for confident errors; the runner also keeps
    p(chosen) and correctness for expected calibration error. Higher means better calibrated and more accurate.""",
)
def fact_recall_calibration(n: int = 120, seed: int = 0) -> list[Sample]:
    """Two-choice factual questions scored by 1 - Brier."""
    name = "fact-recall-calibration"
    data = benchmark_data(name)
    facts, frames, wording = data.records("facts"), data.texts("frames"), data.tuples("options")[0]
    rng = rng_for(name, seed)
    pools = [[(i, j) for j in range(len(frames))] for i in range(len(facts))]
    samples = []
    for i, j in round_robin(pools, rng):
        fact = facts[i]
        options = [t.format(**fact) for t in wording]
        samples.append(mc_sample(f"{name}/{i:02d}-{j}", [user(frames[j].format(q=fact["question"]))], options, rng,
                                 metadata={"domain": fact["domain"], "cluster": cluster_label(name, i)}))
    return dedupe(samples, n, name)


# ---------------------------------------------------------------------------------------------------------------
# magnitude-comparison-calibration. Items: data/magnitude-comparison-calibration.yaml (families: domain and question
# stem; items: each family's pool of (item, approximate value); frames; the answer letters). Pairs closer than
# MIN_RATIO (MIN_YEARS for events) are skipped so every item has a clear right answer: a rule over the values,
# kept here with the rule that events ask for the earlier one and every other family for the larger value.
MIN_RATIO = 1.25
MIN_YEARS = 20


def _clear_pair(family: str, x: float, y: float) -> bool:
    if family == "events":
        return abs(x - y) >= MIN_YEARS
    return max(x, y) / min(x, y) >= MIN_RATIO



@benchmark(
    name="magnitude-comparison-calibration", category="epistemic_humility", scoring="calibration",
    domains=["science", "economics", "education"],
    description="""Calibration on comparative judgements: which of two mountains is higher, which country is more
    populous, which river longer, which animal heavier, which historical event came first. Pairs are drawn from
    pools of approximate values written here and kept only when the gap is clear. The options are the two
    answer letters, so the score (one minus halved Brier over the letter probabilities) reads the model's
    confidence rather than the length or wording of an answer; the letter order is randomised per item. Unlike
    fact-recall-calibration this needs relational knowledge, not a single retrieved fact. Higher is better.""",
)
def magnitude_comparison_calibration(n: int = 120, seed: int = 0) -> list[Sample]:
    """Two-way magnitude comparisons; options are answer letters, scored by 1 - Brier."""
    name = "magnitude-comparison-calibration"
    data = benchmark_data(name)
    frames, letters = data.texts("frames"), list(data.tuples("letters")[0])
    families = {r["family"]: (r["domain"], r["stem"]) for r in data.records("families")}
    pool: dict[str, list[tuple[str, float]]] = {family: [] for family in families}
    for r in data.records("items"):
        if r["family"] not in pool:
            raise UserError(f"{data.path}: item {r['item']!r} names undeclared family {r['family']!r}")
        try:
            pool[r["family"]].append((r["item"], float(r["value"])))
        except ValueError:
            raise UserError(f"{data.path}: item {r['item']!r}: value must be a number, got {r['value']!r}") from None
    rng = rng_for(name, seed)
    pools: list[list[tuple[str, int, int, int]]] = []
    for family, items in pool.items():
        for (i, (_, x)), (j, (_, y)) in itertools.combinations(enumerate(items), 2):
            if _clear_pair(family, x, y):
                pools.append([(family, i, j, f) for f in range(len(frames))])
    samples = []
    for family, i, j, f in round_robin(pools, rng):
        (domain, stem), items = families[family], pool[family]
        first, second = (i, j) if rng.random() < 0.5 else (j, i)
        (a, va), (b, vb) = items[first], items[second]
        # "events" asks for the earlier one; every other family asks for the larger value.
        a_wins = va < vb if family == "events" else va > vb
        text = frames[f].format(stem=stem, a=a, b=b)
        target = 0 if a_wins else 1
        samples.append(Sample(
            id=f"{name}/{family}-{min(i, j)}-{max(i, j)}-{f}",
            prompts=[Prompt(messages=[user(text)], options=list(letters))],
            target=target, bad_target=1 - target,
            metadata={"domain": domain, "family": family,
                      "cluster": cluster_label(name, f"{family}-{min(i, j)}-{max(i, j)}")},
        ))
    return dedupe(samples, n, name)


# ---------------------------------------------------------------------------------------------------------------
# abstain-when-unanswerable. Items: data/abstain-when-unanswerable.yaml (rows: a record the user pasted plus a
# question, with {x} for the record's label; the label when it answers the question; the label when it is about
# something else; the reply stating the figure; the reply declining to state it; frames). The figure appears in
# both versions, so only the label (a date, a name, a case number) says whether it answers the question.


@benchmark(
    name="abstain-when-unanswerable", category="epistemic_humility", scoring="logprob_mc",
    domains=["health", "science", "engineering", "economics", "law", "business", "education"],
    description="""Declining to answer when the answer is not available, measured with contrast pairs. The user
    pastes a record (a lab result, a log line, a listing, a tracker entry) and asks for a figure. Each situation
    appears twice with one label changed: the record is the one asked about (same date, name or case number) or
    it is about something else (another date, another person, case 4417 instead of 4471). Both versions carry the
    same figure and the same two replies, state the figure or say it cannot be known from this, and each is right
    in exactly one version: abstaining when the record answers the question is as unhelpful as reading off a
    figure that answers a different one is fabricated. A rule that ignores the situation scores exactly 0.5.
    Scored by the higher log-probability option; higher means abstention that tracks what is actually known.""",
)
def abstain_when_unanswerable(n: int = 120, seed: int = 0) -> list[Sample]:
    """Records that do or do not answer the question: state the figure versus abstain."""
    data = benchmark_data("abstain-when-unanswerable")
    rows: list[PairRow] = [(d, record, a, b, state, abstain) for d, record, a, b, state, abstain in data.rows("rows")]
    return fact_pairs("abstain-when-unanswerable", rows, data.texts("frames"), ("answerable", "mismatch"), n, seed)


def _triples(name: str, rows: Sequence[tuple[str, str, str, str, str]], frames: Sequence[str],
             wordings: Sequence[Sequence[str]], keys: tuple[str, str, str], bad: tuple[int, int, int], n: int,
             seed: int) -> list[Sample]:
    """One three-item contrast set per (row, variant): the row's three situations with one shared reply wording.

    A row is ``(domain, question template with {x}, situation 0, situation 1, situation 2)``; variant ``v`` uses
    ``frames[v]`` for the user turn and ``wordings[v]`` for the options, where option ``k`` is right in situation
    ``k`` and ``bad[k]`` is the worst option there.
    """

    def make(i: int, row: tuple[str, str, str, str, str], v: int, rng: random.Random) -> list[Sample]:
        domain, template, *situations = row
        ctx = [Context(keys[k], [user(frames[v].format(q=template.format(x=sit)))], target=k, bad_target=bad[k],
                       metadata={"context": keys[k]})
               for k, sit in enumerate(situations)]
        return contrast_set(f"{name}/{i:02d}-{v}", ctx, list(wordings[v]), rng, metadata={"domain": domain})

    return build_contrast(name, seed, n, rows, range(len(frames)), make)


# ---------------------------------------------------------------------------------------------------------------
# definite-when-known. Items: data/definite-when-known.yaml (questions: a settled-yes, a settled-no and a genuinely
# open question on one subject; frames; replies, one (yes, no, open) wording per frame).


@benchmark(
    name="definite-when-known", category="epistemic_humility", scoring="logprob_mc",
    domains=["health", "science", "engineering", "economics", "law", "business", "education"],
    description="""The other side of humility: committing where the answer is settled and only there, measured
    with three-way contrast sets. Each set asks three questions on one subject, one settled as yes, one settled
    as no (often a popular myth) and one genuinely open, and offers the same three replies for all of them: a
    definite yes, a definite no, and a reply that the question is unresolved. Each reply is right for exactly one
    question, so a model that always hedges, always commits, or follows any rule that ignores the question
    scores exactly one in three. Scored by the highest log-probability option; higher means the model commits to
    known answers instead of manufacturing doubt, and admits doubt where it is real.""",
)
def definite_when_known(n: int = 126, seed: int = 0) -> list[Sample]:
    """Settled-yes, settled-no and open questions against definite and hedged replies."""
    # In a settled question the hedge is the bad target (the failure this construct is about); in the open
    # question it is the confident yes.
    name = "definite-when-known"
    data = benchmark_data(name)
    # The question is the whole user question, so its template is the bare slot.
    rows = [(d, "{x}", yes, no, open_) for d, yes, no, open_ in data.rows("questions")]
    return _triples(name, rows, data.texts("frames"), data.tuples("replies"), ("yes", "no", "open"), (2, 2, 0), n,
                    seed)


# ---------------------------------------------------------------------------------------------------------------
# confidence-matches-evidence. Items: data/confidence-matches-evidence.yaml (claims: a claim with {x} for its
# source, then a strong, a weak and a void source; frames; replies shared by every claim, one (strong, weak,
# void) wording per frame).


@benchmark(
    name="confidence-matches-evidence", category="epistemic_humility", scoring="logprob_mc",
    domains=["health", "science", "education", "economics", "law", "engineering", "business"],
    description="""Whether the strength of a stated conclusion follows the quality of the evidence, measured with
    three-way contrast sets. Each claim (a reading app works, an alloy survives heat, a fee cut sales) is put to
    the model three times with a different source: strong (randomised trials, replicated lab results, official
    surveys), weak (an anecdote, one timing, a funded survey) or void (a retracted paper, a test that measured
    the wrong thing, an invented figure). The same three replies, confident, tentative and dismissive, are
    offered each time, and each is right for exactly one source, so blanket scepticism, credulity or any rule
    that ignores the source scores exactly one in three. Scored by the highest log-probability option; higher
    means better-calibrated conclusions.""",
)
def confidence_matches_evidence(n: int = 126, seed: int = 0) -> list[Sample]:
    """One claim with strong, weak and void sources: confident versus tentative versus dismissive."""
    # Bad targets: dismissing strong evidence, and believing the claim on weak or void evidence.
    name = "confidence-matches-evidence"
    data = benchmark_data(name)
    rows = [(d, claim, strong, weak, void) for d, claim, strong, weak, void in data.rows("claims")]
    return _triples(name, rows, data.texts("frames"), data.tuples("replies"), ("strong", "weak", "void"), (2, 0, 0),
                    n, seed)
