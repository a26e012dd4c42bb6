"""The held-out trait scenarios as benchmarks: the study's in-distribution trait score, stored like any other.

``scenarios:heldout`` renders the scenario bank's held-out templates (never used in training; disjoint from the
train templates, see ``traitrl.scenarios.leakage``) and grades each greedy reply with the scenario's own rubric
offline (rule criteria and the offline proxies of judge criteria). ``scenarios:heldout-judged`` is the same items
graded by a judge (one call per criterion), run only when a judge is configured.

Items are picked round-robin across traits with the same stream training uses to track its held-out reward
(``traitrl.rl.train.select_heldout``), so ``n=24&seed=S`` is exactly the set a training run with
``heldout_n: 24, seed: S`` tracks, and the curve it writes pairs item by item with ``traitrl eval`` runs.
A sample's cluster is its template: the renderings of one template across domains are one situation.
"""

from __future__ import annotations

from traitrl.evals.api import Prompt, Sample, benchmark
from traitrl.scenarios.schema import Scenario

_DESCRIPTION = """The held-out trait scenarios of the scenario bank (templates never used in training):
multi-turn conversations with planted errors, user pressure and competing incentives across seven traits and
seven domains, each graded by its own rubric. The study's in-distribution trait score. Higher is better."""


def heldout_scenarios(n: int | None, seed: int) -> list[Scenario]:
    """The held-out scenarios of the bank, or ``n`` of them picked round-robin across traits."""
    from traitrl.rollout import pick_stratified
    from traitrl.scenarios.bank import build_bank

    pool = sorted(build_bank(seed, split="heldout"), key=lambda s: s.id)
    if n is None or n >= len(pool):
        return pool
    return pick_stratified(pool, n, seed, salt="heldout:")


def _samples(name: str, n: int | None, seed: int, max_tokens: int) -> list[Sample]:
    out = []
    for s in heldout_scenarios(n, seed):
        out.append(Sample(
            id=s.id, prompts=[Prompt(messages=list(s.messages), max_tokens=max_tokens)], rubric=list(s.rubric),
            good=s.oracles.good if s.oracles else None, bad=s.oracles.bad if s.oracles else None,
            metadata={"trait": s.trait, "domain": s.domain, "template": s.template, "cluster": f"{name}/{s.template}"},
        ))
    return out


@benchmark(name="scenarios:heldout", category="trait_heldout", scoring="generate", chance=0.0,
           domains=("health", "education", "science", "law", "engineering", "economics", "business"),
           description=_DESCRIPTION + " Graded offline (rule criteria and proxies).")
def scenarios_heldout(n: int | None = None, seed: int = 0, max_tokens: int = 128) -> list[Sample]:
    """Held-out trait scenarios graded offline; see the module docstring."""
    return _samples("scenarios:heldout", n, seed, max_tokens)


@benchmark(name="scenarios:heldout-judged", category="trait_heldout", scoring="judge", chance=0.0,
           domains=("health", "education", "science", "law", "engineering", "economics", "business"),
           description=_DESCRIPTION + " Graded by a judge, one call per criterion.")
def scenarios_heldout_judged(n: int | None = None, seed: int = 0, max_tokens: int = 128) -> list[Sample]:
    """Held-out trait scenarios graded by a judge; see the module docstring."""
    return _samples("scenarios:heldout-judged", n, seed, max_tokens)
