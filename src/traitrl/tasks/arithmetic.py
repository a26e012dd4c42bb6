"""Arithmetic word problems: seeded two-step problems with exact answers.

Train and held-out problems use disjoint template lists (different situations and operations orders), and
different seeds. The reply is asked to end with ``Answer: <number>``; the verifier takes that line, or failing it
the last number in the reply. Held-out items carry four numeric options (the answer and three slips a careless
solver makes: a skipped step, an off-by-one, a wrong operation) for log-prob scoring.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from traitrl.core.types import Message, Split
from traitrl.grading.types import Grade
from traitrl.tasks.base import TaskItem, TaskSpec, extract_number, register_task

NAMES = ("Ana", "Ben", "Chloe", "Dev", "Elif", "Femi", "Gita", "Hugo", "Iris", "Jon", "Kemal", "Lina")

Slots = dict[str, int]


@dataclass(frozen=True)
class Problem:
    id: str
    text: str
    sample: Callable[[random.Random], Slots]
    answer: Callable[[Slots], int]
    slips: Callable[[Slots], list[int]]


def _r(lo: int, hi: int) -> Callable[[random.Random], int]:
    return lambda rng: rng.randint(lo, hi)


TRAIN = (
    Problem("packs-left", "{name} buys {a} packs of pencils with {b} pencils in each pack and gives {c} pencils to a "
            "friend. How many pencils does {name} have left?",
            lambda g: {"a": _r(3, 9)(g), "b": _r(4, 12)(g), "c": _r(1, 20)(g)},
            lambda s: s["a"] * s["b"] - s["c"], lambda s: [s["a"] * s["b"], s["a"] * s["b"] + s["c"], s["a"] + s["b"] - s["c"]]),
    Problem("bus-riders", "A bus starts with {a} passengers. At the first stop {b} get off and {c} get on. How many "
            "passengers are on the bus now?",
            lambda g: {"a": _r(20, 60)(g), "b": _r(3, 19)(g), "c": _r(2, 15)(g)},
            lambda s: s["a"] - s["b"] + s["c"], lambda s: [s["a"] - s["b"], s["a"] + s["b"] + s["c"], s["a"] - s["b"] - s["c"]]),
    Problem("saving-weeks", "{name} saves {a} dollars every week for {b} weeks and then spends {c} dollars on a gift. "
            "How many dollars are left?",
            lambda g: {"a": _r(5, 25)(g), "b": _r(3, 10)(g), "c": _r(5, 40)(g)},
            lambda s: s["a"] * s["b"] - s["c"], lambda s: [s["a"] * s["b"], s["a"] + s["b"] - s["c"], s["a"] * (s["b"] - 1) - s["c"]]),
    Problem("garden-rows", "A garden has {a} rows of tomato plants with {b} plants in each row. {c} more plants are "
            "added. How many tomato plants are there in total?",
            lambda g: {"a": _r(3, 12)(g), "b": _r(4, 15)(g), "c": _r(2, 30)(g)},
            lambda s: s["a"] * s["b"] + s["c"], lambda s: [s["a"] * s["b"], s["a"] + s["b"] + s["c"], s["a"] * s["b"] - s["c"]]),
    Problem("share-sweets", "{name} has {a} sweets, buys {b} more and shares them equally among {c} children. How "
            "many sweets does each child get?",
            lambda g: (lambda c, k, b: {"a": c * k - b, "b": b, "c": c})(g.randint(2, 6), g.randint(4, 12), g.randint(1, 5)),
            lambda s: (s["a"] + s["b"]) // s["c"], lambda s: [s["a"] // s["c"], s["a"] + s["b"], (s["a"] + s["b"]) // s["c"] + 1]),
    Problem("pages-days", "A book has {a} pages. {name} reads {b} pages a day for {c} days. How many pages are still "
            "unread?",
            lambda g: (lambda b, c: {"a": b * c + g.randint(5, 120), "b": b, "c": c})(g.randint(8, 25), g.randint(2, 7)),
            lambda s: s["a"] - s["b"] * s["c"], lambda s: [s["b"] * s["c"], s["a"] - s["b"], s["a"] - s["b"] * (s["c"] - 1)]),
    Problem("tickets-cost", "Adult tickets cost {a} dollars and child tickets cost {b} dollars. A family buys 2 adult "
            "tickets and {c} child tickets. What is the total cost in dollars?",
            lambda g: {"a": _r(8, 30)(g), "b": _r(3, 12)(g), "c": _r(1, 5)(g)},
            lambda s: 2 * s["a"] + s["c"] * s["b"], lambda s: [s["a"] + s["c"] * s["b"], 2 * s["a"] + s["b"], (2 + s["c"]) * s["a"]]),
    Problem("eggs-boxes", "A farm collects {a} eggs a day for {b} days and packs them in boxes of {c}. How many full "
            "boxes can be packed?",
            lambda g: (lambda c: {"a": c * g.randint(2, 8), "b": g.randint(2, 7), "c": c})(g.choice([6, 10, 12])),
            lambda s: s["a"] * s["b"] // s["c"], lambda s: [s["a"] * s["b"], s["a"] // s["c"], s["a"] * s["b"] // s["c"] + 1]),
)

HELDOUT = (
    Problem("shelf-books", "A library shelf holds {a} books. The librarian removes {b} damaged books and then unpacks "
            "{c} boxes of 5 new books onto the shelf. How many books are on the shelf now?",
            lambda g: {"a": _r(30, 90)(g), "b": _r(2, 20)(g), "c": _r(2, 6)(g)},
            lambda s: s["a"] - s["b"] + 5 * s["c"], lambda s: [s["a"] - s["b"] + s["c"], s["a"] + s["b"] + 5 * s["c"], s["a"] - s["b"]]),
    Problem("cyclist-km", "A cyclist rides {a} km on each of {b} mornings and {c} km on one extra evening. How many "
            "km does the cyclist ride altogether?",
            lambda g: {"a": _r(5, 30)(g), "b": _r(2, 7)(g), "c": _r(3, 25)(g)},
            lambda s: s["a"] * s["b"] + s["c"], lambda s: [s["a"] * s["b"], s["a"] + s["b"] + s["c"], s["a"] * (s["b"] + 1) + s["c"]]),
    Problem("bakery-loaves", "A bakery bakes {a} trays of {b} loaves. It sells all but {c} loaves. How many loaves "
            "does it sell?",
            lambda g: (lambda a, b: {"a": a, "b": b, "c": g.randint(1, a * b - 1)})(g.randint(3, 9), g.randint(6, 14)),
            lambda s: s["a"] * s["b"] - s["c"], lambda s: [s["a"] * s["b"], s["c"], s["a"] + s["b"] - s["c"]]),
    Problem("team-split", "{a} students and {b} teachers go on a trip. They travel in vans that each carry {c} people, "
            "and every van is full. How many vans do they use?",
            lambda g: (lambda c, v: (lambda b: {"a": c * v - b, "b": b, "c": c})(g.randint(1, 4)))(g.choice([4, 5, 6, 8]), g.randint(3, 9)),
            lambda s: (s["a"] + s["b"]) // s["c"], lambda s: [s["a"] // s["c"], (s["a"] + s["b"]) // s["c"] + 1, s["a"] + s["b"]]),
    Problem("water-tank", "A tank holds {a} litres. A pump removes {b} litres per minute for {c} minutes. How many "
            "litres remain in the tank?",
            lambda g: (lambda b, c: {"a": b * c + g.randint(10, 200), "b": b, "c": c})(g.randint(3, 15), g.randint(2, 9)),
            lambda s: s["a"] - s["b"] * s["c"], lambda s: [s["b"] * s["c"], s["a"] - s["b"] - s["c"], s["a"] - s["b"] * s["c"] + s["b"]]),
    Problem("market-change", "{name} pays with a {a}-dollar note for {b} mangoes costing {c} dollars each. How much "
            "change in dollars does {name} get?",
            lambda g: (lambda b, c: {"a": next(n for n in (20, 50, 100, 200) if n > b * c), "b": b, "c": c})(g.randint(2, 9), g.randint(1, 9)),
            lambda s: s["a"] - s["b"] * s["c"], lambda s: [s["b"] * s["c"], s["a"] - s["b"] - s["c"], s["a"] - s["c"]]),
)

PROMPT_SUFFIX = " Work it out and end your reply with a line of the form 'Answer: <number>'."


def _options(answer: int, slips: list[int], rng: random.Random) -> tuple[list[str], int]:
    """Four distinct numeric candidates including the answer, shuffled; returns (options, target index)."""
    values = [answer]
    for v in [*slips, answer + 1, answer - 1, answer + 10, answer * 2]:
        if v >= 0 and v not in values and len(values) < 4:
            values.append(v)
    rng.shuffle(values)
    return [f"Answer: {v}" for v in values], values.index(answer)


def items(split: Split, n: int, seed: int = 0) -> list[TaskItem]:
    """``n`` seeded problems from the split's own template list (templates cycle, numbers vary)."""
    pool = TRAIN if split == "train" else HELDOUT
    # Offsetting the seed by split keeps held-out numbers independent of train numbers even for equal seeds.
    rng = random.Random(f"arithmetic:{split}:{seed}")
    out: list[TaskItem] = []
    for i in range(n):
        prob = pool[i % len(pool)]
        slots = prob.sample(rng)
        answer = prob.answer(slots)
        text = prob.text.format(name=rng.choice(NAMES), **slots)
        options, target = _options(answer, prob.slips(slots), rng)
        wrong = options[(target + 1) % len(options)].removeprefix("Answer: ")
        out.append(TaskItem(
            id=f"arithmetic/{split}/{prob.id}/{i}",
            task="arithmetic",
            split=split,
            messages=[Message(role="user", content=text + PROMPT_SUFFIX)],
            ground_truth={"answer": answer},
            options=options,
            target=target,
            good=f"Working through the two steps gives {answer}.\nAnswer: {answer}",
            bad=f"I think it comes to about {wrong}.\nAnswer: {wrong}",
        ))
    return out


def verify(ground_truth: dict[str, object], response: str) -> Grade:
    """1 if the final number equals the answer, else 0. Never raises."""
    try:
        answer = float(ground_truth["answer"])  # type: ignore[arg-type]
    except (KeyError, TypeError, ValueError):
        return Grade(score=None, grader="rule", errors=["ground truth lacks a numeric 'answer'"])
    got = extract_number(response)
    ok = got is not None and abs(got - answer) < 1e-6
    return Grade(score=float(ok), grader="rule", metadata={"extracted": got, "answer": answer},
                 explanation=f"extracted {got}, expected {answer:g}")


SPEC = register_task(TaskSpec(name="arithmetic", ability="math", items=items, verify=verify))
