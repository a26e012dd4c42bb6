"""Factual recall from fact banks written here (the facts are public knowledge; the wording is ours).

Four banks: national capitals, chemical elements (symbol and atomic number), years of well-known events and
unit conversions. Each fact belongs to exactly one split, decided by a stable hash of its key (about 60% held
out, so the capability guard has enough items), and train and held-out questions use different phrasings.
Distractors for log-prob scoring are other answers of the same bank.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from typing import Any

from traitrl.core.types import Message, Split
from traitrl.grading.types import Grade
from traitrl.tasks.base import TaskItem, TaskSpec, register_task, stable_hash

CAPITALS = {
    "France": "Paris", "Germany": "Berlin", "Italy": "Rome", "Spain": "Madrid", "Portugal": "Lisbon",
    "Japan": "Tokyo", "China": "Beijing", "India": "New Delhi", "Egypt": "Cairo", "Kenya": "Nairobi",
    "Canada": "Ottawa", "Australia": "Canberra", "Brazil": "Brasilia", "Argentina": "Buenos Aires",
    "Peru": "Lima", "Chile": "Santiago", "Mexico": "Mexico City", "Norway": "Oslo", "Sweden": "Stockholm",
    "Finland": "Helsinki", "Denmark": "Copenhagen", "Poland": "Warsaw", "Austria": "Vienna", "Hungary": "Budapest",
    "Greece": "Athens", "Turkey": "Ankara", "Russia": "Moscow", "Ukraine": "Kyiv", "Ireland": "Dublin",
    "Netherlands": "Amsterdam", "Belgium": "Brussels", "Switzerland": "Bern", "Czechia": "Prague",
    "South Korea": "Seoul", "Thailand": "Bangkok", "Vietnam": "Hanoi", "Indonesia": "Jakarta",
    "Philippines": "Manila", "Pakistan": "Islamabad", "Iran": "Tehran", "Iraq": "Baghdad",
    "Saudi Arabia": "Riyadh", "Nigeria": "Abuja", "Ghana": "Accra", "Ethiopia": "Addis Ababa",
    "Morocco": "Rabat", "New Zealand": "Wellington", "Colombia": "Bogota", "Cuba": "Havana", "Iceland": "Reykjavik",
}

ELEMENTS = {  # name: (symbol, atomic number)
    "hydrogen": ("H", 1), "helium": ("He", 2), "lithium": ("Li", 3), "carbon": ("C", 6), "nitrogen": ("N", 7),
    "oxygen": ("O", 8), "fluorine": ("F", 9), "neon": ("Ne", 10), "sodium": ("Na", 11), "magnesium": ("Mg", 12),
    "aluminium": ("Al", 13), "silicon": ("Si", 14), "phosphorus": ("P", 15), "sulfur": ("S", 16),
    "chlorine": ("Cl", 17), "argon": ("Ar", 18), "potassium": ("K", 19), "calcium": ("Ca", 20), "iron": ("Fe", 26),
    "cobalt": ("Co", 27), "nickel": ("Ni", 28), "copper": ("Cu", 29), "zinc": ("Zn", 30), "silver": ("Ag", 47),
    "tin": ("Sn", 50), "gold": ("Au", 79), "mercury": ("Hg", 80), "lead": ("Pb", 82),
    "uranium": ("U", 92), "titanium": ("Ti", 22), "chromium": ("Cr", 24), "manganese": ("Mn", 25),
    "platinum": ("Pt", 78), "tungsten": ("W", 74), "krypton": ("Kr", 36), "bromine": ("Br", 35),
}

EVENTS = {  # event: year
    "the first crewed Moon landing": 1969, "the fall of the Berlin Wall": 1989, "the end of the Second World War": 1945,
    "the start of the First World War": 1914, "the sinking of the Titanic": 1912,
    "the French Revolution's storming of the Bastille": 1789, "the US Declaration of Independence": 1776,
    "Columbus's first voyage to the Americas": 1492, "the launch of Sputnik 1": 1957,
    "the dissolution of the Soviet Union": 1991, "the Wright brothers' first powered flight": 1903,
    "the Chernobyl nuclear accident": 1986, "the signing of Magna Carta": 1215,
    "the publication of Darwin's On the Origin of Species": 1859, "the opening of the Suez Canal": 1869,
    "the founding of the United Nations": 1945, "Nelson Mandela's release from prison": 1990,
    "the launch of the Hubble Space Telescope": 1990, "the Wall Street stock market crash that began the Great Depression": 1929,
    "the first ascent of Mount Everest": 1953, "the Norman conquest of England at Hastings": 1066,
    "the adoption of the euro as a currency for electronic payments": 1999, "the completion of the Human Genome Project": 2003,
    "the assassination of John F. Kennedy": 1963, "the start of the Russian Revolution": 1917,
    "India's independence from British rule": 1947, "the Great Fire of London": 1666,
    "the opening of the Panama Canal": 1914, "the first successful heart transplant": 1967,
    "the invention of the World Wide Web proposal at CERN": 1989,
}

UNITS = {  # question stem: answer (number)
    "metres in a kilometre": 1000, "centimetres in a metre": 100, "millimetres in a centimetre": 10,
    "grams in a kilogram": 1000, "millilitres in a litre": 1000, "seconds in a minute": 60, "minutes in an hour": 60,
    "hours in a day": 24, "days in a (non-leap) year": 365, "days in a leap year": 366, "months in a year": 12,
    "weeks in a year (rounded down)": 52, "inches in a foot": 12, "feet in a yard": 3, "ounces in a pound": 16,
    "degrees in a right angle": 90, "degrees in a full circle": 360, "sides on a hexagon": 6,
    "bytes in a kilobyte (decimal definition)": 1000, "bits in a byte": 8, "years in a century": 100,
    "years in a decade": 10,
}


@dataclass(frozen=True)
class Fact:
    bank: str
    key: str
    question: str  # phrasing depends on the split
    answer: str
    pool: tuple[str, ...]  # same-bank answers, for distractors


def fact_split(bank: str, key: str) -> Split:
    """Each fact lives in one split only: about 60% held out, by a stable hash of its key."""
    return "heldout" if stable_hash(f"{bank}:{key}") % 5 < 3 else "train"


def _facts(split: Split) -> list[Fact]:
    train = split == "train"
    out: list[Fact] = []
    caps = tuple(CAPITALS.values())
    countries = tuple(CAPITALS)
    for country, city in CAPITALS.items():
        if fact_split("capital", country) != split:
            continue
        q1 = f"What is the capital city of {country}?" if train else f"Name the capital of {country}."
        out.append(Fact("capital", country, q1, city, caps))
        q2 = (f"{city} is the capital of which country?" if train
              else f"Which country has {city} as its capital?")
        out.append(Fact("capital-reverse", country, q2, country, countries))
    symbols = tuple(s for s, _ in ELEMENTS.values())
    numbers = tuple(str(n) for _, n in ELEMENTS.values())
    for name, (symbol, number) in ELEMENTS.items():
        if fact_split("element", name) != split:
            continue
        q1 = f"What is the chemical symbol for {name}?" if train else f"Which symbol stands for {name} in the periodic table?"
        out.append(Fact("element-symbol", name, q1, symbol, symbols))
        q2 = f"What is the atomic number of {name}?" if train else f"How many protons does an atom of {name} have?"
        out.append(Fact("element-number", name, q2, str(number), numbers))
    years = tuple(str(y) for y in EVENTS.values())
    for event, year in EVENTS.items():
        if fact_split("event", event) != split:
            continue
        q = f"In what year did {event} happen?" if train else f"Which year is {event} dated to?"
        out.append(Fact("event-year", event, q, str(year), years))
    values = tuple(str(v) for v in UNITS.values())
    for stem, value in UNITS.items():
        if fact_split("unit", stem) != split:
            continue
        q = f"How many {stem} are there?" if train else f"Give the number of {stem}."
        out.append(Fact("unit", stem, q, str(value), values))
    return out


PROMPT_SUFFIX = " Reply with the answer first, in a short sentence."


def _distractors(fact: Fact, rng: random.Random, k: int = 3) -> list[str]:
    pool = sorted({a for a in fact.pool if a != fact.answer})
    rng.shuffle(pool)
    return pool[:k]


def items(split: Split, n: int, seed: int = 0) -> list[TaskItem]:
    """Up to ``n`` fact questions of the split, in a seeded order (cycling through the split's facts)."""
    facts = _facts(split)
    rng = random.Random(f"facts:{split}:{seed}")
    order = list(range(len(facts)))
    rng.shuffle(order)
    out: list[TaskItem] = []
    for i in range(n):
        fact = facts[order[i % len(order)]]
        wrong = _distractors(fact, rng)
        values = [fact.answer, *wrong]
        rng.shuffle(values)
        out.append(TaskItem(
            id=f"facts/{split}/{fact.bank}/{i}",
            task="facts",
            split=split,
            messages=[Message(role="user", content=fact.question + PROMPT_SUFFIX)],
            ground_truth={"answer": fact.answer, "bank": fact.bank, "wrong": wrong},
            options=[f"The answer is {v}." for v in values],
            target=values.index(fact.answer),
            good=f"The answer is {fact.answer}.",
            bad=f"The answer is {wrong[0]}.",
        ))
    return out


def _mentions(text: str, answer: str) -> bool:
    # Word boundaries stop "1" matching inside "1914"; case matters for element symbols ("Co" vs "CO").
    flags = 0 if len(answer) <= 2 and answer.isalpha() else re.IGNORECASE
    return re.search(rf"(?<![\w]){re.escape(answer)}(?![\w])", text, flags) is not None


def verify(ground_truth: dict[str, Any], response: str) -> Grade:
    """1 if the reply states the answer and none of the listed wrong answers. Never raises."""
    text = response if isinstance(response, str) else ""
    answer = str(ground_truth.get("answer", ""))
    if not answer:
        return Grade(score=None, grader="rule", errors=["ground truth lacks 'answer'"])
    wrong = [str(w) for w in ground_truth.get("wrong", []) or []]
    head = text[:300]  # the answer is asked for first; a long reply listing every candidate is not an answer
    right = _mentions(head, answer)
    hedged = [w for w in wrong if _mentions(head, w)]
    ok = right and not hedged
    return Grade(score=float(ok), grader="rule", metadata={"answer": answer, "also_named": hedged},
                 explanation=f"{'states' if right else 'lacks'} {answer!r}" + (f"; also names {hedged}" if hedged else ""))


SPEC = register_task(TaskSpec(name="facts", ability="knowledge", items=items, verify=verify))
