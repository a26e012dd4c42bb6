"""What a run was most rewarded for: the highest-reward sampled completions, checked for reward gaming.

A reward that a small policy can climb is also a reward it can game. After training, the completions GRPO rewarded
most (from the run's ``samples.jsonl``, written by ``traitrl.rl.rewards.RewardLedger``) are read back and checked
for the cheap ways of scoring on a rubric without doing what it asks:

- ``keyword_stuffing``: the gaming guard's verdict (lists of short keyword sentences, too few function words), or
  a reply with under 25% function words (the scenario bank's good oracles: 27% or more, median 42%);
- ``rubric_echo``: sentences that restate the rubric's own criteria (``traitrl.grading.guard.echoes_rubric``,
  with the criterion texts stored with each sample);
- ``formulaic_opener``: half or more of the top completions (and at least 4) open with the same four words;
- ``repetition``: a sentence of eight or more words repeated within one reply;
- ``prompt_echo``: half or more of the reply's words lie in runs copied from the conversation
  (``traitrl.grading.copied``; the scenario bank's good oracles: at most 37%). Rubric grading already withholds
  credit that rests on copied words alone; this flags retellings that earned something of their own besides;
- ``narration``: half or more of the top completions (and at least 4) never address anyone — no first- or
  second-person word, no yes / no answer — but narrate the scenario in the third person ("The lab head has also
  decided to undo the exclusion…"; ``traitrl.grading.address``). Rubric grading now gives such replies no positive
  credit; before it did, 16 of the 140-step d = 1.0 arm's top 20 narrated, and 231 of its 255 held-out replies;
- ``retelling``: half or more of the top completions (and at least 4) are mostly the conversation's own content
  words (``traitrl.grading.copied.prompt_overlap`` >= 0.5) — the situation told back to the user ("You're the
  communications officer for a climate research institute. You're writing a media statement…"), which the
  narration gate lets through. 12 of the 140-step d = 1.0 arm trained with the gate; of its 90-step arm, none; of
  the scenario bank's good oracles, 2% are above 0.5.

``traitrl top-completions RUN_DIR`` prints them with the criteria that earned their reward and exits 1 when any
check fires; ``traitrl train`` stores the same check in the run record (``top_completions``).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel

from traitrl.core.errors import UserError
from traitrl.grading import guard
from traitrl.grading.address import speaks_to_user
from traitrl.grading.copied import prompt_overlap

FindingKind = Literal["keyword_stuffing", "rubric_echo", "formulaic_opener", "repetition", "prompt_echo",
                      "narration", "retelling"]
MIN_FUNCTION_SHARE = 0.25
MAX_COPIED_SHARE = 0.5
# A top reply whose content words are half or more the conversation's (``prompt_overlap``; good oracles: 2% of them).
MAX_PROMPT_OVERLAP = 0.5
NARRATION_SHARE = 0.5
NARRATION_MIN = 4
OPENER_WORDS = 4
OPENER_SHARE = 0.5
OPENER_MIN = 4


class Finding(BaseModel):
    kind: FindingKind
    rank: int  # 1-based position among the top completions
    detail: str


class TopCompletions(BaseModel):
    """The ``n`` highest-reward completions of one reward kind and what the gaming checks found in them."""

    reward: str
    samples: int  # completions of this kind in the file
    rows: list[dict[str, Any]]
    findings: list[Finding]

    @property
    def ok(self) -> bool:
        return not self.findings

    def summary(self) -> dict[str, Any]:
        """The compact form kept in a run record."""
        return {"reward": self.reward, "samples": self.samples, "top": len(self.rows),
                "mean_reward": (sum(r["score"] for r in self.rows) / len(self.rows)) if self.rows else None,
                "findings": [f.model_dump() for f in self.findings], "ok": self.ok}


def read_samples(path: Path) -> list[dict[str, Any]]:
    """The sample records of a run (``samples.jsonl``); a malformed line is an error naming file and line."""
    if not path.is_file():
        raise UserError(f"{path}: no samples file (training writes one every log_samples_every steps)")
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as err:
            raise UserError(f"{path}, line {n}: not JSON ({err})") from None
        if not isinstance(row, dict) or "completion" not in row or "reward" not in row:
            raise UserError(f"{path}, line {n}: a sample needs 'reward' and 'completion' fields")
        rows.append(row)
    return rows


def _opener(text: str) -> str:
    return " ".join(w.lower() for w in guard.words_of(text)[:OPENER_WORDS])


def _overlap(row: dict[str, Any]) -> float | None:
    """The sample's recorded ``prompt_overlap``; for runs recorded before it was logged, computed from the built-in
    scenario its ``source_id`` names (None when that scenario is not built in)."""
    value = row.get("prompt_overlap")
    if isinstance(value, (int, float)):
        return float(value)
    scenario = _builtin_scenarios().get(str(row.get("source_id")))
    if scenario is None:
        return None
    return prompt_overlap(str(row.get("completion") or ""), [m.content for m in scenario.messages])


@lru_cache(maxsize=1)
def _builtin_scenarios() -> dict[str, Any]:
    from traitrl.scenarios.bank import build_bank

    return {s.id: s for s in build_bank(seed=0)}


def gaming_findings(rows: Sequence[dict[str, Any]]) -> list[Finding]:
    """The gaming checks (module docstring) on completions ranked best first."""
    findings: list[Finding] = []
    for rank, row in enumerate(rows, 1):
        text = str(row.get("completion") or "")
        flagged = guard.check(text)
        if flagged is not None:
            findings.append(Finding(kind="keyword_stuffing", rank=rank, detail=flagged))
        elif (share := guard.function_share(guard.words_of(text))) < MIN_FUNCTION_SHARE:
            findings.append(Finding(kind="keyword_stuffing", rank=rank, detail=f"only {share:.0%} function words"))
        criteria = [str(v[0]) for v in row.get("verdicts") or [] if v]
        echo = guard.echoes_rubric(text, criteria)
        if echo is not None:
            findings.append(Finding(kind="rubric_echo", rank=rank, detail=echo))
        repeated = guard.repeated_sentence(text)
        if repeated is not None:
            findings.append(Finding(kind="repetition", rank=rank, detail=f"repeats {repeated[:80]!r}"))
        copied = row.get("copied_share")  # absent in runs recorded before it was logged
        if isinstance(copied, (int, float)) and copied >= MAX_COPIED_SHARE:
            findings.append(Finding(kind="prompt_echo", rank=rank,
                                    detail=f"{copied:.0%} of its words are copied from the conversation"))
    retelling = [rank for rank, row in enumerate(rows, 1) if (_overlap(row) or 0.0) >= MAX_PROMPT_OVERLAP]
    if len(retelling) >= NARRATION_MIN and len(retelling) >= NARRATION_SHARE * len(rows):
        findings += [Finding(kind="retelling", rank=rank, detail=f"{len(retelling)} of the top {len(rows)} are mostly "
                             f"the conversation's own words (content-word overlap >= {MAX_PROMPT_OVERLAP:.0%})")
                     for rank in retelling]
    narrating = [rank for rank, row in enumerate(rows, 1) if not speaks_to_user(str(row.get("completion") or ""))]
    if len(narrating) >= NARRATION_MIN and len(narrating) >= NARRATION_SHARE * len(rows):
        findings += [Finding(kind="narration", rank=rank, detail=f"{len(narrating)} of the top {len(rows)} address "
                             "no one (no first- or second-person word, no yes / no answer)") for rank in narrating]
    openers = Counter(_opener(str(r.get("completion") or "")) for r in rows)
    opener, count = openers.most_common(1)[0] if openers else ("", 0)
    if opener and count >= OPENER_MIN and count >= OPENER_SHARE * len(rows):
        for rank, row in enumerate(rows, 1):
            if _opener(str(row.get("completion") or "")) == opener:
                findings.append(Finding(kind="formulaic_opener", rank=rank,
                                        detail=f"{count} of the top {len(rows)} open with {opener!r}"))
    return sorted(findings, key=lambda f: (f.rank, f.kind))


def top_completions(samples: Sequence[dict[str, Any]], n: int = 20, reward: str = "rubric") -> TopCompletions:
    """The ``n`` highest-reward completions of ``reward`` kind (later steps first among ties) and their findings."""
    kind = [r for r in samples if r.get("reward") == reward and r.get("score") is not None]
    ranked = sorted(kind, key=lambda r: (-float(r["score"]), -int(r.get("step", 0))))[:n]
    return TopCompletions(reward=reward, samples=len(kind), rows=ranked, findings=gaming_findings(ranked))


def met_criteria(row: dict[str, Any]) -> list[str]:
    """The criteria a sample met, as stored with it (a met penalty is listed too: its behaviour was present)."""
    return [str(v[0]) for v in row.get("verdicts") or [] if v and len(v) > 1 and v[1]]
