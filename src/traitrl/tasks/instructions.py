"""Instruction following with checkable constraints: keywords, casing, bullet count, length, start and end.

Every constraint is a rule criterion (a regular expression), so one rubric grades RL rollouts and the held-out
capability guard alike (``traitrl.grading.rubric.grade_rubric``, gaming guard included: a reply must still be a
real answer of at least a few words). The score is the share of constraints met. Rules are case-insensitive by
default, so casing rules switch that off locally with ``(?-i:...)``.

Train and held-out items use disjoint topic lists. Oracles are built from the topic's sentences (written here):
the good reply satisfies every constraint, the bad one is an unformatted paragraph on another topic that breaks
them.
"""

from __future__ import annotations

import random
import re
from typing import Any

from traitrl.core.types import Message, Split
from traitrl.grading.criteria import Criterion, RuleSpec
from traitrl.grading.rubric import grade_rubric
from traitrl.grading.types import Grade
from traitrl.tasks.base import TaskItem, TaskSpec, register_task

# topic: (keywords that appear in the first two sentences, four sentences without commas)
Topic = tuple[tuple[str, str], tuple[str, str, str, str]]

TRAIN_TOPICS: dict[str, Topic] = {
    "making tea": (("kettle", "leaves"), (
        "Boil fresh water in a kettle and let it cool for a minute.",
        "Put the leaves in a warm pot and pour the water over them.",
        "Black tea needs about four minutes while green tea needs less.",
        "Strain the cup so the tea does not turn bitter.")),
    "caring for a houseplant": (("water", "sunlight"), (
        "Most houseplants want water only when the top of the soil feels dry.",
        "Place the pot where it gets bright but indirect sunlight.",
        "Yellow leaves often mean the roots are sitting in too much moisture.",
        "Repot the plant into a slightly larger pot every couple of years.")),
    "learning to swim": (("breathing", "float"), (
        "Start by practising calm breathing with your face in the water.",
        "Learn to float on your back before you try to move forward.",
        "Short kicks from the hips work better than big splashes.",
        "Swim near a lifeguard or a friend until you feel confident.")),
    "saving money": (("budget", "savings"), (
        "Write a simple budget that lists what comes in and what goes out.",
        "Move a fixed amount into savings on the day you get paid.",
        "Small daily purchases add up faster than most people expect.",
        "Keep an emergency fund so surprises do not turn into debt.")),
    "writing a cover letter": (("employer", "achievements"), (
        "Address the letter to a named person at the employer if you can.",
        "Pick two achievements that match what the job asks for.",
        "Explain briefly why this role and this team appeal to you.",
        "Keep the letter to one page and check every sentence for errors.")),
    "riding a bicycle safely": (("helmet", "brakes"), (
        "Wear a helmet that fits snugly and sits level on your head.",
        "Check that both brakes grip firmly before every ride.",
        "Use lights after dark so drivers can see you from far away.",
        "Signal clearly with your arm before you turn or change lanes.")),
    "baking bread": (("flour", "yeast"), (
        "Mix strong flour with water and a pinch of salt.",
        "Add the yeast and knead the dough until it feels smooth and springy.",
        "Let the dough rise in a warm place until it doubles in size.",
        "Bake it in a hot oven until the loaf sounds hollow when tapped.")),
    "preparing for an exam": (("schedule", "practice"), (
        "Make a revision schedule that spreads topics over several weeks.",
        "Do practice questions under timed conditions as often as you can.",
        "Explain each topic aloud as if you were teaching a friend.",
        "Sleep well the night before because tired minds forget things.")),
    "packing for a hike": (("map", "layers"), (
        "Carry a paper map even if your phone has a good signal.",
        "Pack warm layers because mountain weather changes quickly.",
        "Bring more water than you think you will need.",
        "Tell someone your route and when you expect to be back.")),
    "starting a compost heap": (("scraps", "moisture"), (
        "Collect vegetable scraps and coffee grounds in a covered bin.",
        "Keep the moisture of the heap like a wrung out sponge.",
        "Mix brown material such as dry leaves with the green scraps.",
        "Turn the heap every few weeks so air can reach the middle.")),
}

HELDOUT_TOPICS: dict[str, Topic] = {
    "choosing running shoes": (("cushioning", "fit"), (
        "Look for cushioning that suits the distance you usually run.",
        "A good fit leaves a thumb's width of space at the toe.",
        "Try shoes on late in the day when your feet are largest.",
        "Replace them once the soles feel flat and worn.")),
    "keeping bees": (("hive", "queen"), (
        "Place the hive somewhere sheltered that gets morning sun.",
        "Check every few weeks that the queen is still laying eggs.",
        "Wear a veil and move slowly when you open the boxes.",
        "Leave the bees enough honey to survive the winter.")),
    "reducing screen time": (("notifications", "evening"), (
        "Turn off notifications for apps that do not need your attention.",
        "Keep the phone out of the bedroom in the evening.",
        "Replace one hour of scrolling with a walk or a book.",
        "Track your daily use for a week to see where the time goes.")),
    "planning a vegetable garden": (("soil", "seedlings"), (
        "Test the soil and add compost before you plant anything.",
        "Harden off seedlings outdoors for a week before planting them.",
        "Grow tall crops on the north side so they do not shade others.",
        "Rotate crops each year to keep pests and diseases down.")),
    "learning a new language": (("vocabulary", "conversation"), (
        "Learn a little vocabulary every day rather than a lot once a week.",
        "Find a conversation partner as early as you can.",
        "Listen to simple podcasts and repeat the phrases out loud.",
        "Accept mistakes because they are how speaking improves.")),
    "fixing a flat tyre": (("puncture", "tube"), (
        "Remove the wheel and find the puncture by feeling the tyre.",
        "Patch or replace the tube and check the rim for sharp edges.",
        "Refit the tyre by hand and use the pump to reach the right pressure.",
        "Spin the wheel to make sure the tyre sits evenly.")),
    "hosting a dinner party": (("guests", "menu"), (
        "Ask your guests about allergies a few days in advance.",
        "Choose a menu that you can mostly prepare before anyone arrives.",
        "Set the table early so the last hour is calm.",
        "Plan one simple dessert that needs no last minute work.")),
    "improving sleep": (("routine", "caffeine"), (
        "Keep the same routine for going to bed and getting up.",
        "Avoid caffeine after lunch because it lingers for hours.",
        "Keep the bedroom dark and cool and quiet.",
        "Get daylight in the morning to set your body clock.")),
    "organising a small office": (("labels", "drawer"), (
        "Use clear labels on every box and folder.",
        "Give each drawer a single purpose so things stay findable.",
        "Clear the desk at the end of each day.",
        "Shred old papers you no longer need to keep.")),
    "adopting a dog": (("breed", "exercise"), (
        "Choose a breed whose energy level matches your daily life.",
        "Plan for at least an hour of exercise and play every day.",
        "Register with a vet in the first week.",
        "Reward calm behaviour so good habits form early.")),
}

START_WORDS = ("Certainly", "Briefly", "Overall", "Here")
END_PHRASES = ("That is all.", "Hope this helps.", "Good luck.", "End of list.")


def constraint_criterion(kind: str, arg: Any) -> Criterion:
    """The rule criterion for one constraint (the single source of truth for checking it)."""
    if kind == "keywords":
        return Criterion(text=f"Uses the words {arg[0]!r} and {arg[1]!r}.", points=1, grader="rule",
                         rule=RuleSpec(all_of=[rf"\b{re.escape(w)}\b" for w in arg]))
    if kind == "lowercase":
        return Criterion(text="Writes only lowercase letters.", points=1, grader="rule",
                         rule=RuleSpec(all_of=["(?-i:[a-z])"], none_of=["(?-i:[A-Z])"]))
    if kind == "uppercase":
        return Criterion(text="Writes only capital letters.", points=1, grader="rule",
                         rule=RuleSpec(all_of=["(?-i:[A-Z])"], none_of=["(?-i:[a-z])"]))
    if kind == "bullets":
        n = int(arg)
        bullet = r"^[ \t]*[-*][ \t]+\S.*$"
        return Criterion(text=f"Gives exactly {n} bullet points.", points=1, grader="rule",
                         rule=RuleSpec(all_of=[rf"(?:{bullet}[\s\S]*?){{{n}}}"],
                                       none_of=[rf"(?:{bullet}[\s\S]*?){{{n + 1}}}"]))
    if kind == "max_words":
        n = int(arg)
        return Criterion(text=f"Uses at most {n} words.", points=1, grader="rule",
                         rule=RuleSpec(none_of=[rf"(?:[A-Za-z0-9']+[^A-Za-z0-9']+){{{n}}}[A-Za-z0-9']"]))
    if kind == "end_phrase":
        return Criterion(text=f"Ends with the sentence {arg!r}.", points=1, grader="rule",
                         rule=RuleSpec(all_of=[rf"{re.escape(str(arg))}\s*\Z"]))
    if kind == "no_commas":
        return Criterion(text="Uses no commas.", points=1, grader="rule", rule=RuleSpec(none_of=[","]))
    if kind == "start_word":
        return Criterion(text=f"Starts with the word {arg!r}.", points=1, grader="rule",
                         rule=RuleSpec(all_of=[rf"\A[\s\-*]*{re.escape(str(arg))}\b"]))
    raise ValueError(f"unknown constraint kind {kind!r}")


def _instruction(kind: str, arg: Any) -> str:
    return {
        "keywords": lambda: f"Use the words '{arg[0]}' and '{arg[1]}'.",
        "lowercase": lambda: "Write everything in lowercase letters.",
        "uppercase": lambda: "Write everything in capital letters.",
        "bullets": lambda: f"Format the reply as exactly {arg} bullet points, each starting with '- ' and each a full sentence.",
        "max_words": lambda: f"Use at most {arg} words.",
        "end_phrase": lambda: f"End your reply with the exact sentence '{arg}'",
        "no_commas": lambda: "Do not use any commas.",
        "start_word": lambda: f"Start your reply with the word '{arg}'.",
    }[kind]()


def _pick_constraints(rng: random.Random, keywords: tuple[str, str]) -> list[tuple[str, Any]]:
    chosen: list[tuple[str, Any]] = [("keywords", list(keywords))]
    extras: list[tuple[str, Any]] = [
        (rng.choice(["lowercase", "uppercase"]), None),
        ("bullets", rng.choice([2, 3, 4])),
        ("max_words", rng.choice([45, 55])),
        ("end_phrase", rng.choice(END_PHRASES)),
        ("no_commas", None),
        ("start_word", rng.choice(START_WORDS)),
    ]
    chosen += rng.sample(extras, 2)
    return chosen


def _good(sentences: tuple[str, ...], constraints: list[tuple[str, Any]]) -> str:
    c = dict(constraints)
    n = int(c.get("bullets", 3))
    lines = list(sentences[:n])
    if "start_word" in c:
        lines[0] = f"{c['start_word']} {lines[0][0].lower()}{lines[0][1:]}"
    text = "\n".join(f"- {s}" for s in lines) if "bullets" in c else " ".join(lines)
    if "end_phrase" in c:
        text += ("\n" if "bullets" in c else " ") + str(c["end_phrase"])
    if "lowercase" in c:
        text = text.lower()
    if "uppercase" in c:
        text = text.upper()
    return text


def _bad(other: tuple[str, ...]) -> str:
    # Commas, mixed case, no bullets, no requested words, past every word limit, an unrelated opening and ending.
    body = " ".join(s.rstrip(".") + ", as many people say." for s in other)
    return f"Well, {body[0].lower()}{body[1:]} {body} Anyway, that is roughly how it goes."


def items(split: Split, n: int, seed: int = 0) -> list[TaskItem]:
    """``n`` seeded instruction items over the split's own topics."""
    topics = TRAIN_TOPICS if split == "train" else HELDOUT_TOPICS
    names = sorted(topics)
    rng = random.Random(f"instructions:{split}:{seed}")
    out: list[TaskItem] = []
    for i in range(n):
        topic = names[i % len(names)]
        keywords, sentences = topics[topic]
        constraints = _pick_constraints(rng, keywords)
        other = topics[names[(i + 1 + rng.randrange(len(names) - 1)) % len(names)]][1]
        prompt = f"Give some practical advice on {topic}. " + " ".join(_instruction(k, a) for k, a in constraints)
        spec = [{"kind": k, "arg": a} for k, a in constraints]
        out.append(TaskItem(
            id=f"instructions/{split}/{topic.replace(' ', '-')}/{i}",
            task="instructions",
            split=split,
            messages=[Message(role="user", content=prompt)],
            ground_truth={"constraints": spec},
            rubric=[constraint_criterion(k, a) for k, a in constraints],
            good=_good(sentences, constraints),
            bad=_bad(other),
        ))
    return out


def verify(ground_truth: dict[str, Any], response: str) -> Grade:
    """Share of constraints met (gaming guard first). Never raises on any response."""
    try:
        rubric = [constraint_criterion(c["kind"], c.get("arg")) for c in ground_truth["constraints"]]
    except (KeyError, TypeError, ValueError, IndexError) as err:
        return Grade(score=None, grader="rubric", errors=[f"malformed constraints: {err}"])
    return grade_rubric([Message(role="user", content="(instruction task)")], response, rubric)


SPEC = register_task(TaskSpec(name="instructions", ability="instruction_following", items=items, verify=verify))
