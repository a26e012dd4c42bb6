"""Export a training mix as verl RL parquet files (train and validation).

Columns follow verl's RL dataset convention: ``data_source`` (``traitrl/<reward>/<task>``, which routes the
reward), ``prompt`` (chat messages), ``ability``, ``reward_model`` (``{"style": "rule", "ground_truth": str}``)
and ``extra_info`` (index, split, source id, reward kind, task, domain). Scores come from
``traitrl.rl.verl_reward.compute_score``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from traitrl.rl.mix import MixRow
from traitrl.rl.verl_reward import DATA_SOURCE_PREFIX
from traitrl.tasks import TASKS

VERL_COLUMNS = ("data_source", "prompt", "ability", "reward_model", "extra_info")


def verl_records(rows: Sequence[MixRow], split: str) -> list[dict[str, Any]]:
    """verl-shaped dicts for mix rows."""
    out = []
    for r in rows:
        ability = TASKS[r.task].ability if r.kind == "task" and r.task in TASKS else f"trait:{r.task}"
        out.append({
            "data_source": f"{DATA_SOURCE_PREFIX}/{r.reward}/{r.task}",
            "prompt": [{"role": m["role"], "content": m["content"]} for m in r.prompt],
            "ability": ability,
            "reward_model": {"style": "rule", "ground_truth": r.ground_truth},
            "extra_info": {"index": r.index, "split": split, "source_id": r.source_id, "reward": r.reward,
                           "task": r.task, "domain": r.domain},
        })
    return out


def write_verl_parquet(rows: Sequence[MixRow], path: str | Path, split: str = "train") -> Path:
    """Write rows to one parquet file in verl's layout; returns the path."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    table = pa.Table.from_pylist(verl_records(rows, split))
    pq.write_table(table, path)
    return path
