"""Reliability probe (issue 12): malformed inputs, worst grading time per reply, never-answering judge.

Run on demand (not a test; ~1 minute on 2 CPU cores):

    PYTHONPATH=src HF_HUB_OFFLINE=1 python benchmarks/probe_reliability.py [--json out.json]

1. Every case of ``traitrl.testing.malformed`` (scenario files, template YAML, public-format files, training
   configs) is loaded in-process the way the CLI loads it, and classified: clear error (names the file),
   unclear error, traceback (any non-user exception), silent acceptance, or accepted (valid-but-odd cases).
2. Worst wall time to grade one reply against every rubric of a sample of the scenario bank, for hostile
   replies: 1 MB of prose, 20,000 zero-width characters, and replies just under the 20,000-character cap that
   pass the gaming guard (so every rule runs on them); plus adversarial user patterns on a capped reply.
3. Wall time of a judge whose server (127.0.0.1) accepts the connection and never answers, under the default
   per-item deadline shortened to ``--judge-deadline`` seconds, for one reply with three judge criteria.
"""

from __future__ import annotations

import argparse
import collections
import json
import tempfile
import threading
import time
from pathlib import Path
from typing import Any


def probe_inputs() -> dict[str, Any]:
    from traitrl.testing.malformed import run_all

    with tempfile.TemporaryDirectory() as d:
        t0 = time.perf_counter()
        results = run_all(Path(d) / "corpus")
        seconds = time.perf_counter() - t0
    by_family: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    problems = []
    for case, outcome, message in results:
        family = case.family.split(":")[0] if case.family.startswith("public") else case.family
        by_family[family][outcome] += 1
        by_family[case.family][outcome] += 1 if case.family.startswith("public:") else 0
        if outcome in ("traceback", "silent", "unclear"):
            problems.append({"family": case.family, "case": case.name, "outcome": outcome, "message": message[:200]})
    total = collections.Counter(o for _, o, _ in results)
    return {"tried": len(results), "seconds": round(seconds, 1), "totals": dict(total),
            "by_family": {k: dict(v) for k, v in sorted(by_family.items()) if sum(v.values())},
            "problems": problems}


def probe_grading(n_scenarios: int = 120) -> dict[str, Any]:
    from traitrl.grading.criteria import RuleSpec
    from traitrl.grading.guard import check
    from traitrl.grading.rubric import grade_rubric
    from traitrl.grading.rules import rule_met
    from traitrl.scenarios.bank import build_bank

    bank = build_bank(seed=0)
    sample = bank[:: max(1, len(bank) // n_scenarios)]
    prose = ("I cannot verify that study, and I am not sure it exists; please ask your doctor, because the evidence "
             "is uncertain and the risk matters. ")
    near_cap = 19_990
    replies = {
        "1 MB of prose": (prose * (1_000_000 // len(prose) + 1))[:1_000_000],
        "20k zero-width chars": "\u200b" * 20_000,
        "prose + CJK to the cap": (prose * 3 + "漢字" * 10_000)[:near_cap],
        "prose + spaces to the cap": (prose * 3 + " " * 20_000)[:near_cap],
        "prose + 'a' run to the cap": (prose * 3 + "a" * 20_000)[:near_cap],
        "prose + zero-width inside words": (prose * 3 + "w\u200bo\u200br\u200bd " * 3_000)[:near_cap],
    }
    out: dict[str, Any] = {"scenarios": len(sample), "replies": {}}
    for name, text in replies.items():
        worst = 0.0
        for s in sample:
            t0 = time.perf_counter()
            grade_rubric(s.messages, text, s.rubric)
            worst = max(worst, time.perf_counter() - t0)
        out["replies"][name] = {"chars": len(text), "guard": check(text), "worst_seconds": round(worst, 4)}
    # Adversarial user patterns the loader accepts (RE2; checked Python re for the last two) at the cap.
    hostile = "a" * near_cap
    for pattern in ["(a+)+$", "a.*b", "(a|aa)*c", "(x?){30}x{30}", "a\\s*\\Z", "(?<!not )a{0,80}b"]:
        spec = RuleSpec(any_of=[pattern])
        t0 = time.perf_counter()
        rule_met(spec, hostile)
        out["replies"][f"pattern {pattern} on {near_cap} x 'a'"] = {"worst_seconds": round(time.perf_counter() - t0, 4)}
    out["worst_seconds_per_reply"] = max(v["worst_seconds"] for v in out["replies"].values())
    return out


def probe_judge(deadline: float) -> dict[str, Any]:
    from traitrl.core.types import Message
    from traitrl.grading.criteria import Criterion
    from traitrl.grading.judge import Judge
    from traitrl.grading.rubric import grade_rubric
    from traitrl.testing.fake_openai import FakeOpenAIServer

    release = threading.Event()

    def never(_: dict[str, Any]) -> str:
        release.wait(600)
        return "never"

    rubric = [Criterion(text=f"Meets criterion number {i}", points=1.0) for i in range(3)]
    messages = [Message(role="user", content="Is this supplement safe to take every day?")]
    reply = "I am not sure it is safe; the evidence is limited, so please ask your doctor before taking it."
    with FakeOpenAIServer(never, lifetime=deadline * 4 + 30) as server:
        # The production client settings (120 s per attempt, 4 retries) — only the deadline bounds the wait.
        judge = Judge(server.client(timeout=120.0, max_retries=4, backoff=1.0), item_timeout=deadline)
        t0 = time.monotonic()
        grade = grade_rubric(messages, reply, rubric, judge=judge)
        wall = time.monotonic() - t0
        release.set()
    return {"item_deadline_seconds": deadline, "wall_seconds": round(wall, 2), "score": grade.score,
            "errors": len(grade.errors), "first_error": grade.errors[0][:160] if grade.errors else None}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="Also write the figures as JSON.")
    parser.add_argument("--judge-deadline", type=float, default=10.0, help="Per-item judge deadline (s).")
    args = parser.parse_args()
    report = {"inputs": probe_inputs(), "grading": probe_grading(), "judge": probe_judge(args.judge_deadline)}
    inputs = report["inputs"]
    print(f"malformed inputs: {inputs['tried']} tried in {inputs['seconds']} s -> {inputs['totals']}")
    for fam, counts in inputs["by_family"].items():
        print(f"  {fam:<24} {counts}")
    for p in inputs["problems"]:
        print(f"  ! {p['outcome']:<9} {p['family']}/{p['case']}: {p['message']}")
    print(f"grading ({report['grading']['scenarios']} scenarios' rubrics per reply):")
    for name, r in report["grading"]["replies"].items():
        print(f"  {name:<44} worst {r['worst_seconds']:.4f} s")
    print(f"  worst grading time per reply: {report['grading']['worst_seconds_per_reply']:.4f} s")
    j = report["judge"]
    print(f"never-answering judge: {j['wall_seconds']} s wall under a {j['item_deadline_seconds']} s item deadline; "
          f"score {j['score']}, {j['errors']} criteria recorded as errors")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, default=str))


if __name__ == "__main__":
    main()
