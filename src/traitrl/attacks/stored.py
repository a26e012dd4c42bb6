"""Reading stored evaluation runs as :class:`~traitrl.attacks.metrics.Condition` score tables."""

from __future__ import annotations

from traitrl.attacks.metrics import Condition
from traitrl.core.errors import UserError
from traitrl.results.store import Store


def load_condition(store: Store, run_id: str, exclude: set[str] | frozenset[str] = frozenset()) -> Condition:
    """A stored run's per-item scores as goodness (lower-is-better benchmarks flipped), with categories, chance
    levels and cluster labels from the stored records and sample metadata.

    Raises:
        UserError: no such run.
    """
    run = store.get_run(run_id)
    if run is None:
        raise UserError(f"no run {run_id!r} in {store.path}; see `traitrl results list`")
    cond = Condition(scores={})
    higher = {}
    for name, rec in run.benchmarks.items():
        if name in exclude:
            continue
        higher[name] = bool(rec.get("higher_is_better", True))
        cond.categories[name] = str(rec.get("category", ""))
        chance = rec.get("chance")
        chance = float(chance) if isinstance(chance, int | float) else None
        cond.chance[name] = chance if chance is None or higher[name] else 1 - chance
    for row in store.load_samples(run_id):
        if row.benchmark in exclude or row.benchmark not in higher:
            continue
        score = row.score
        if score is not None and not higher[row.benchmark]:
            score = 1.0 - score
        cond.scores.setdefault(row.benchmark, {})[row.sample_id] = score
        cluster = row.metadata.get("cluster")
        # Global labels: a situation is a cluster within its benchmark; an item without one is its own cluster.
        cond.clusters.setdefault(row.benchmark, {})[row.sample_id] = (
            f"{row.benchmark}/{cluster}" if cluster is not None else f"{row.benchmark}#{row.sample_id}")
    return cond
