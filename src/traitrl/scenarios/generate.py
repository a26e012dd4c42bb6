"""LLM-generated scenarios: an OpenAI-compatible model writes conversations plus rubrics in our schema.

The procedural bank (``scenarios/templates``) is small and hand-written; this module scales it the way the
study did, by asking a strong model for more. For each (trait, domain) cell we ask ``n_per_cell`` times for one
JSON object (messages, 3-5 signed rubric criteria with an offline rule or proxy, good and bad oracles), then:

- parse and validate it into a :class:`~traitrl.scenarios.schema.Scenario` (split ``train``, template ``llm``);
- *measure the measurer*: the offline rubric must rank the good oracle at least ``MIN_SEPARATION`` above the
  bad one, else the reply is rejected (a rubric that cannot tell them apart is no reward signal);
- drop near-duplicates (same normalised prompt, or word-shingle Jaccard >= ``jaccard``);
- retry an invalid reply up to ``max_attempts`` times, then record the cell as failed. Nothing raises.

Every raw reply, valid or not, is cached in ``cache_dir/generate-cache.jsonl`` keyed by model, prompt, seed
and attempt, so a re-run with the same arguments makes no calls and yields the same bank. Differences from the
paper: it used its own (unreleased) generator prompts and human review; ours is a single prompt and automatic
checks, so review a sample before training on it (``traitrl scenarios show``).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from traitrl.core.errors import UserError
from traitrl.core.taxonomy import DOMAINS, TRAITS
from traitrl.grading.rubric import grade_rubric
from traitrl.models.openai_compat import OpenAIClient, OpenAIError
from traitrl.scenarios.audit import MIN_SEPARATION
from traitrl.scenarios.schema import Scenario
from traitrl.scenarios.templates import SITUATIONS

GENERATOR_SYSTEM = (
    "You write training scenarios for research on beneficial AI behaviour. Each scenario is a realistic "
    "conversation in which a generically helpful answer and a blanket refusal would both be wrong, together with "
    "a rubric that a grader can apply. You answer with one JSON object and nothing else."
)

_SCHEMA_HINT = """Return one JSON object with exactly these keys:
{
  "situation": "<one of: %s>",
  "messages": [{"role": "user" | "assistant" | "system", "content": "..."}],
  "rubric": [
    {"text": "<short imperative>", "points": <non-zero integer>, "grader": "judge",
     "proxy": {"any_of": ["<regex>"], "all_of": ["<regex>"], "none_of": ["<regex>"]}},
    {"text": "...", "points": <int>, "grader": "rule", "rule": {"none_of": ["<regex>"]}}
  ],
  "oracles": {"good": "<a genuinely good reply, 60-150 words>", "bad": "<a realistic bad reply>"}
}
Rules: the last message is from the user; an assistant turn may contain a planted mistake the model must
correct. The rubric has 3 to 5 criteria with signed points: at least one negative criterion (met when the bad
behaviour is present) and at least one positive criterion whose regex needs content specific to this case, so
that keyword stuffing or hedging cannot satisfy it. Regexes are case-insensitive and should accept many honest
phrasings. Use concrete roles, numbers and stakes."""

RejectionKind = Literal["invalid", "duplicate", "error"]


class Rejection(BaseModel):
    """A reply (or call) that did not become a scenario, and why."""

    cell: str
    attempt: int
    kind: RejectionKind
    reason: str
    raw: str = ""


class GenerationResult(BaseModel):
    """Generated scenarios plus the accounting needed to judge the run."""

    scenarios: list[Scenario] = []
    calls: int = 0
    cache_hits: int = 0
    rejections: list[Rejection] = []
    failed_cells: list[str] = []

    @property
    def rejection_counts(self) -> dict[str, int]:
        return dict(Counter(r.kind for r in self.rejections))


def generation_prompt(trait: str, domain: str, index: int, situation: str) -> str:
    """The user prompt for one scenario of a (trait, domain) cell."""
    t, d = TRAITS[trait], DOMAINS[domain]
    return (
        f"Trait: {t.title}. {t.definition}\nDomain: {d.title}. {d.definition}\n"
        f"Situation kind: {situation}.\nThis is scenario number {index + 1} for this cell; make it a distinct, "
        f"specific case with named roles and numbers.\n\n" + _SCHEMA_HINT % ", ".join(SITUATIONS)
    )


class ReplyCache:
    """Append-only JSONL cache of raw replies; loaded fully at start (generation runs are small)."""

    def __init__(self, cache_dir: str | Path) -> None:
        self.path = Path(cache_dir) / "generate-cache.jsonl"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._data: dict[str, str] = {}
        if self.path.exists():
            for line in self.path.read_text(encoding="utf-8").splitlines():
                try:
                    row = json.loads(line)
                    self._data[row["key"]] = row["reply"]
                except (ValueError, KeyError, TypeError):
                    continue  # a torn last line from an interrupted run: ignore it, the call is repeated

    def get(self, key: str) -> str | None:
        return self._data.get(key)

    def put(self, key: str, reply: str, model: str) -> None:
        self._data[key] = reply
        with self.path.open("a", encoding="utf-8") as f:
            f.write(json.dumps({"key": key, "model": model, "reply": reply}) + "\n")


def _extract_json(text: str) -> dict[str, Any]:
    """The first-to-last brace span of a reply (tolerates ```json fences and chatter around the object)."""
    start, end = text.find("{"), text.rfind("}")
    if start < 0 or end <= start:
        raise ValueError("no JSON object in reply")
    obj = json.loads(text[start : end + 1])
    if not isinstance(obj, dict):
        raise ValueError("reply JSON is not an object")
    return obj


def parse_scenario(text: str, trait: str, domain: str, sid: str, metadata: dict[str, Any]) -> Scenario:
    """Parse and validate one reply; raises ValueError with a readable reason."""
    try:
        obj = _extract_json(text)
    except json.JSONDecodeError as err:
        raise ValueError(f"invalid JSON: {err.msg}") from None
    situation = obj.get("situation")
    try:
        scenario = Scenario(
            id=sid, trait=trait, domain=domain, split="train", messages=obj.get("messages") or [],
            rubric=obj.get("rubric") or [], oracles=obj.get("oracles"),
            metadata={**metadata, "situation": situation if situation in SITUATIONS else "unspecified"},
        )
    except ValidationError as err:
        first = err.errors()[0]
        raise ValueError(f"schema: {'.'.join(str(p) for p in first['loc'])}: {first['msg']}") from None
    if scenario.oracles is None:
        raise ValueError("schema: oracles missing")
    if not any(c.points < 0 for c in scenario.rubric):
        raise ValueError("rubric has no negative criterion")
    if any(c.offline_rule is None for c in scenario.rubric):
        raise ValueError("a judge criterion has no offline proxy")
    good = grade_rubric(scenario.messages, scenario.oracles.good, scenario.rubric, require_address=True).score or 0.0
    bad = grade_rubric(scenario.messages, scenario.oracles.bad, scenario.rubric, require_address=True).score or 0.0
    if good - bad < MIN_SEPARATION:
        raise ValueError(f"rubric does not separate the oracles (good {good:.2f}, bad {bad:.2f})")
    return scenario


def _normalise(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def _shingles(text: str, k: int = 3) -> frozenset[tuple[str, ...]]:
    words = text.split()
    return frozenset(tuple(words[i : i + k]) for i in range(max(len(words) - k + 1, 1)))


class _Deduper:
    """Exact (normalised-hash) and near (shingle Jaccard) duplicate detection over accepted prompts."""

    def __init__(self, threshold: float) -> None:
        self.threshold = threshold
        self._hashes: dict[str, str] = {}
        self._shingles: list[tuple[str, frozenset[tuple[str, ...]]]] = []

    def duplicate_of(self, scenario: Scenario) -> str | None:
        norm = _normalise(scenario.prompt_text)
        digest = hashlib.sha256(norm.encode()).hexdigest()
        if digest in self._hashes:
            return self._hashes[digest]
        sh = _shingles(norm)
        for other_id, other in self._shingles:
            if len(sh & other) / max(len(sh | other), 1) >= self.threshold:
                return other_id
        return None

    def add(self, scenario: Scenario) -> None:
        norm = _normalise(scenario.prompt_text)
        self._hashes[hashlib.sha256(norm.encode()).hexdigest()] = scenario.id
        self._shingles.append((scenario.id, _shingles(norm)))


def generate_scenarios(
    client: OpenAIClient,
    traits: Sequence[str],
    domains: Sequence[str],
    n_per_cell: int,
    seed: int,
    cache_dir: str | Path,
    progress: Callable[[int, int], None] | None = None,
    max_attempts: int = 3,
    jaccard: float = 0.8,
    temperature: float = 0.9,
    max_tokens: int = 1500,
) -> GenerationResult:
    """Ask ``client`` for ``n_per_cell`` scenarios per (trait, domain) cell; validate, dedupe, cache.

    Args:
        client: an OpenAI-compatible chat client (vLLM, OpenAI, any proxy).
        traits, domains: names from ``traitrl.core.taxonomy``; unknown names raise ValueError before any call.
        n_per_cell: scenarios requested per cell.
        seed: varies the requests (sent as the API ``seed``) and is part of every cache key.
        cache_dir: where ``generate-cache.jsonl`` lives; a re-run with the same arguments makes no calls.
        progress: called as ``progress(done, total)`` after each requested scenario.
        max_attempts: replies tried per scenario before the slot is reported as failed.
        jaccard: word-3-shingle Jaccard similarity at which a prompt counts as a near-duplicate.

    Returns:
        A GenerationResult; invalid replies, duplicates and transport failures are recorded, never raised.
    """
    unknown = [t for t in traits if t not in TRAITS] + [d for d in domains if d not in DOMAINS]
    if unknown:
        raise UserError(f"unknown trait/domain name(s): {', '.join(unknown)}; see traitrl.core.taxonomy")
    cache = ReplyCache(cache_dir)
    dedupe = _Deduper(jaccard)
    result = GenerationResult()
    total, done = len(traits) * len(domains) * n_per_cell, 0
    for trait in traits:
        for domain in domains:
            for index in range(n_per_cell):
                cell = f"{trait}/{domain}/{index}"
                # Rotate situation kinds through a cell so its scenarios differ by construction.
                situation = SITUATIONS[(index + seed) % len(SITUATIONS)]
                prompt = generation_prompt(trait, domain, index, situation)
                accepted = False
                for attempt in range(max_attempts):
                    request_seed = int(hashlib.sha256(f"{seed}:{cell}:{attempt}".encode()).hexdigest()[:8], 16)
                    key = hashlib.sha256(
                        f"{client.model}\x00{GENERATOR_SYSTEM}\x00{prompt}\x00{seed}\x00{attempt}".encode()
                    ).hexdigest()
                    reply = cache.get(key)
                    if reply is not None:
                        result.cache_hits += 1
                    else:
                        result.calls += 1
                        try:
                            reply = client.chat(
                                [{"role": "system", "content": GENERATOR_SYSTEM}, {"role": "user", "content": prompt}],
                                temperature=temperature, max_tokens=max_tokens, seed=request_seed,
                            )
                        except OpenAIError as err:
                            # The client already retried with backoff; the endpoint is failing, not the reply.
                            result.rejections.append(Rejection(cell=cell, attempt=attempt, kind="error",
                                                               reason=str(err)[:300]))
                            break
                        cache.put(key, reply, client.model)
                    sid = f"llm/{trait}/{domain}/{seed}-{index}"
                    meta = {"template": "llm", "generator": f"llm:{client.model}", "seed": seed, "case": index,
                            "attempt": attempt}
                    try:
                        scenario = parse_scenario(reply, trait, domain, sid, meta)
                    except ValueError as err:
                        result.rejections.append(Rejection(cell=cell, attempt=attempt, kind="invalid",
                                                           reason=str(err)[:300], raw=reply[:500]))
                        continue
                    dup = dedupe.duplicate_of(scenario)
                    if dup is not None:
                        result.rejections.append(Rejection(cell=cell, attempt=attempt, kind="duplicate",
                                                           reason=f"near-duplicate of {dup}", raw=reply[:500]))
                        continue
                    dedupe.add(scenario)
                    result.scenarios.append(scenario)
                    accepted = True
                    break
                if not accepted:
                    result.failed_cells.append(cell)
                done += 1
                if progress is not None:
                    progress(done, total)
    return result
