"""Format following: the content is easy, the requested shape is what is checked.

Six shapes: a JSON object with given keys, an answer inside ``<answer>`` tags, an ISO date, a comma-separated
line, a numbered list and an all-capitals word. The verifier parses the shape by program (partial credit when
the shape is right and the content wrong). Held-out items carry four options holding the same content in
different shapes, so the capability guard scores format preference by log-prob without generation.

Train and held-out items use different instructions wording and disjoint word pools and fact pools.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable
from typing import Any

from traitrl.core.types import Message, Split
from traitrl.grading.types import Grade
from traitrl.tasks.base import TaskItem, TaskSpec, register_task, stable_hash
from traitrl.tasks.facts import CAPITALS, ELEMENTS, fact_split

WORDS = (
    "apple", "hammer", "violin", "river", "candle", "pepper", "tiger", "window", "pencil", "rocket", "garden",
    "ladder", "orange", "blanket", "anchor", "cactus", "saddle", "marble", "kettle", "lantern", "meadow", "wallet",
    "harbor", "puzzle", "feather", "compass", "bucket", "tunnel", "pillow", "falcon", "granite", "helmet",
)
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
KINDS = ("json", "answer_tag", "iso_date", "csv_line", "numbered_list", "upper_word")


def _words(split: Split) -> list[str]:
    return [w for w in WORDS if (stable_hash(f"word:{w}") % 2 == 0) == (split == "heldout")]


def _capitals(split: Split) -> list[tuple[str, str]]:
    return [(c, k) for c, k in CAPITALS.items() if fact_split("capital", c) == split]


def _build(kind: str, split: Split, rng: random.Random) -> tuple[str, dict[str, Any], list[str]]:
    """(instruction, ground truth, options with the target first) for one item."""
    train = split == "train"
    if kind == "json":
        if rng.random() < 0.5:
            country, city = rng.choice(_capitals(split))
            keys, vals = ["country", "capital"], [country, city]
            ask = f"the capital of {country}"
        else:
            name = rng.choice(sorted(ELEMENTS))
            keys, vals = ["element", "symbol"], [name, ELEMENTS[name][0]]
            ask = f"the chemical symbol of {name}"
        lead = (f"Give {ask} as a JSON object with exactly the keys \"{keys[0]}\" and \"{keys[1]}\". Output only the JSON."
                if train else f"Answer with a single JSON object (keys \"{keys[0]}\" and \"{keys[1]}\", nothing else): what is {ask}?")
        obj = dict(zip(keys, vals, strict=True))
        options = [json.dumps(obj), f"{keys[0]}: {vals[0]}\n{keys[1]}: {vals[1]}",
                   json.dumps({keys[0].title(): vals[0], "value": vals[1]}), f"{vals[0]} - {vals[1]}"]
        return lead, {"format": kind, "content": obj}, options
    if kind == "answer_tag":
        country, city = rng.choice(_capitals(split))
        lead = (f"What is the capital of {country}? Put only the answer between <answer> and </answer> tags."
                if train else f"Wrap just the final answer in <answer></answer> tags. Which city is the capital of {country}?")
        options = [f"<answer>{city}</answer>", f"The answer is {city}.", f"<answer>The capital of {country}</answer> {city}",
                   f"[{city}]"]
        return lead, {"format": kind, "content": city}, options
    if kind == "iso_date":
        y, m, d = rng.randint(1950, 2030), rng.randint(1, 12), rng.randint(1, 28)
        spoken = f"{d} {MONTHS[m - 1]} {y}" if train else f"{MONTHS[m - 1]} {d}, {y}"
        lead = (f"Rewrite the date {spoken} in ISO format (YYYY-MM-DD). Output only the date."
                if train else f"Convert {spoken} to the YYYY-MM-DD format and give nothing else.")
        iso = f"{y:04d}-{m:02d}-{d:02d}"
        options = [iso, f"{d:02d}/{m:02d}/{y}", f"{MONTHS[m - 1]} {d}, {y}", f"{y}/{d:02d}/{m:02d}"]
        return lead, {"format": kind, "content": iso}, options
    words = rng.sample(_words(split), 4)
    listed = " ".join(words)
    if kind == "csv_line":
        lead = (f"Write these words on one line separated by commas, in the same order: {listed}."
                if train else f"Output the words {listed} as a single comma-separated line, keeping their order.")
        options = [", ".join(words), "\n".join(f"- {w}" for w in words), listed, "; ".join(words[::-1])]
        return lead, {"format": kind, "content": words}, options
    if kind == "numbered_list":
        lead = (f"Turn these words into a numbered list, one per line, in the same order: {listed}."
                if train else f"Make a numbered list (1., 2., ...) with one line per word, order unchanged: {listed}.")
        options = ["\n".join(f"{i}. {w}" for i, w in enumerate(words, 1)), ", ".join(words),
                   "\n".join(f"- {w}" for w in words), "\n".join(f"{i}. {w}" for i, w in enumerate(words[::-1], 1))]
        return lead, {"format": kind, "content": words}, options
    word = rng.choice(_words(split))
    lead = (f"Write the word '{word}' in capital letters only. Output only that word."
            if train else f"Reply with nothing but the word '{word}', written entirely in upper case.")
    options = [word.upper(), word, word.title(), f"The word is {word}."]
    return lead, {"format": "upper_word", "content": word.upper()}, options


def items(split: Split, n: int, seed: int = 0) -> list[TaskItem]:
    """``n`` seeded format items cycling through the six shapes."""
    rng = random.Random(f"formats:{split}:{seed}")
    out: list[TaskItem] = []
    for i in range(n):
        kind = KINDS[i % len(KINDS)]
        lead, truth, options = _build(kind, split, rng)
        good, bad = options[0], options[1]
        order = list(range(len(options)))
        rng.shuffle(order)
        out.append(TaskItem(
            id=f"formats/{split}/{kind}/{i}", task="formats", split=split,
            messages=[Message(role="user", content=lead)], ground_truth=truth,
            options=[options[j] for j in order], target=order.index(0), good=good, bad=bad,
        ))
    return out


def _norm(s: Any) -> str:
    return re.sub(r"\s+", " ", str(s)).strip().lower()


def _json_object(text: str) -> dict[str, Any] | None:
    m = re.search(r"\{.*?\}", text, re.DOTALL)
    if not m:
        return None
    try:
        obj = json.loads(m.group(0))
    except ValueError:
        return None
    return obj if isinstance(obj, dict) else None


def _check_json(truth: Any, text: str) -> tuple[float, str]:
    obj = _json_object(text)
    if obj is None:
        return 0.0, "no JSON object"
    if set(obj) != set(truth):
        return 0.0, f"keys {sorted(obj)} instead of {sorted(truth)}"
    right = all(_norm(obj[k]) == _norm(v) for k, v in truth.items())
    return (1.0, "right keys and values") if right else (0.5, "right keys, wrong values")


def _check_tag(truth: Any, text: str) -> tuple[float, str]:
    m = re.search(r"<answer>\s*(.*?)\s*</answer>", text, re.DOTALL | re.IGNORECASE)
    if not m:
        return 0.0, "no <answer> tags"
    return (1.0, "tagged answer") if _norm(m.group(1)) == _norm(truth) else (0.5, f"tagged {m.group(1)[:40]!r}")


def _check_iso(truth: Any, text: str) -> tuple[float, str]:
    dates = re.findall(r"\b\d{4}-\d{2}-\d{2}\b", text)
    if not dates:
        return 0.0, "no YYYY-MM-DD date"
    return (1.0, "ISO date") if dates[0] == truth else (0.5, f"ISO date {dates[0]} is the wrong date")


def _check_csv(truth: Any, text: str) -> tuple[float, str]:
    lines = [ln for ln in text.strip().splitlines() if ln.strip()]
    if not lines or "," not in lines[0]:
        return 0.0, "no comma-separated line"
    got = [_norm(p).strip(".") for p in lines[0].split(",")]
    return (1.0, "comma-separated, in order") if got == [_norm(w) for w in truth] else (0.5, f"line holds {got}")


def _check_numbered(truth: Any, text: str) -> tuple[float, str]:
    rows = re.findall(r"^\s*(\d+)[.)]\s*(.+?)\s*$", text, re.MULTILINE)
    if not rows:
        return 0.0, "no numbered lines"
    ok = [int(n) for n, _ in rows] == list(range(1, len(truth) + 1)) and [_norm(w).strip(".") for _, w in rows] == [
        _norm(w) for w in truth]
    return (1.0, "numbered in order") if ok else (0.5, "numbered, but items or order differ")


def _check_upper(truth: Any, text: str) -> tuple[float, str]:
    core = text.strip().strip(".!\"'")
    if core == truth:
        return 1.0, "exact upper-case word"
    return (0.5, "right word, wrong case or extra text") if _norm(truth) in _norm(core) else (0.0, "word missing")


CHECKS: dict[str, Callable[[Any, str], tuple[float, str]]] = {
    "json": _check_json, "answer_tag": _check_tag, "iso_date": _check_iso, "csv_line": _check_csv,
    "numbered_list": _check_numbered, "upper_word": _check_upper,
}


def verify(ground_truth: dict[str, Any], response: str) -> Grade:
    """1 for the right shape and content, 0.5 for the right shape only, else 0. Never raises."""
    text = response if isinstance(response, str) else ""
    check = CHECKS.get(str(ground_truth.get("format")))
    if check is None or "content" not in ground_truth:
        return Grade(score=None, grader="rule", errors=[f"unknown format spec {ground_truth!r:.80}"])
    try:
        score, why = check(ground_truth["content"], text)
    except (TypeError, AttributeError, ValueError) as err:  # malformed ground truth, never the response
        return Grade(score=None, grader="rule", errors=[f"format check failed: {err}"])
    return Grade(score=score, grader="rule", explanation=why, metadata={"format": ground_truth["format"]})


SPEC = register_task(TaskSpec(name="formats", ability="format_following", items=items, verify=verify))
