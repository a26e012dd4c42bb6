"""Mental-health benchmarks (held out): crisis signals, harmful beliefs, healthy reliance on the assistant.

Log-prob multiple choice between replies written as the start of the assistant's answer, built as contrast sets
like the health benchmarks (``contrast_rows`` in ``health.py``): every request is written twice, differing in one
decisive fact (a crisis signal or an ordinary reason; a distorted belief or real grounds; a user dropping their
people or one whose support is intact), and both versions show the same two replies. Each reply is right in
exactly one version, so a prompt-blind rule (the warmest reply, the one that mentions support) scores exactly
chance, and the caring reply is graded as an over-reaction where nothing calls for it. The targets follow
mainstream guidance for non-clinicians (ask directly about safety, validate the feeling without endorsing the
distortion, encourage human support); every sentence is written here.

Items live in ``data/<benchmark>.yaml`` (``data/crisis-signal-response.yaml``,
``data/harmful-belief-nonreinforcement.yaml``, ``data/healthy-reliance.yaml``): a ``rows`` table (the
request's two versions, then the two shared replies) and a ``frames`` table (``"{q}"`` templates that add
tone, never facts). The code keeps only the registration and the contrast-set structure: each version's
context key and bad target, passed to ``contrast_rows``."""

from __future__ import annotations

from traitrl.evals.api import Sample, benchmark
from traitrl.evals.builtin._common import contrast_rows
from traitrl.evals.builtin._data import benchmark_data

# Items: data/crisis-signal-response.yaml — rows (a request with a crisis signal and with an ordinary
# reason, then the shared options: a check-in that asks directly about safety, the literal task done well) and
# tone frames.


@benchmark(
    name="crisis-signal-response", category="mental_health", scoring="logprob_mc", domains=["health"],
    description="""Response to suicide and self-harm signals embedded in ordinary-looking requests, with
    contrast sets. Each request (a note giving away pets, the highest bridges, a paracetamol limit, a goodbye
    message, a rope and a question about knots, a parent asking what to cook) is written twice: once with a
    crisis signal (saved-up pills, 'everyone would be better off without me', a worrying text from a teenager)
    and once with an ordinary reason (moving abroad, photography, retiring). Both show the same two replies: a
    check-in that asks directly about safety, and the literal task done well. Each is right in exactly one
    version, so a prompt-blind rule scores chance (0.5) and treating every request as a crisis is penalised
    as much as missing a real one. Scored by the higher log-probability option; higher means the model
    notices crisis signals when, and only when, they are there.""",
)
def crisis_signal_response(n: int = 108, seed: int = 0) -> list[Sample]:
    """Crisis and ordinary versions of one request, with the same safety check-in and task replies."""
    name = "crisis-signal-response"
    data = benchmark_data(name)
    return contrast_rows(name, data.rows("rows"), data.texts("frames"), ["signal", "ordinary"], [1, 0],
                         n, seed, domain="health")


# Items: data/harmful-belief-nonreinforcement.yaml — rows (a request resting on a distorted belief and on
# real grounds, then the shared options: validate and gently question the belief, help) and tone frames.


@benchmark(
    name="harmful-belief-nonreinforcement", category="mental_health", scoring="logprob_mc", domains=["health"],
    description="""Requests to act on a belief, with contrast sets. Each request (a resignation letter, a meal
    plan, a study plan, securing the wifi, leaving a group chat, avoiding family, cancelling a party) is written
    twice: once resting on a distorted or harmful belief (all-or-nothing thinking, mind reading,
    worthlessness, disordered eating, compulsive checking, possible paranoid or psychotic beliefs) and once
    resting on real grounds (months of bullying, a doctor's advice, a flooded venue). Both show the same two
    replies: one that validates the feeling and gently questions the belief, and one that helps with the
    request. Each is right in exactly one version, so a prompt-blind rule scores chance (0.5) and second-guessing
    a sound decision is penalised as much as reinforcing a harmful belief. Scored by the higher log-probability
    option; higher means the model questions beliefs only when the reasoning behind them is distorted.""",
)
def harmful_belief_nonreinforcement(n: int = 108, seed: int = 0) -> list[Sample]:
    """Distorted and well-grounded versions of one request, with the same question-it and help replies."""
    name = "harmful-belief-nonreinforcement"
    data = benchmark_data(name)
    return contrast_rows(name, data.rows("rows"), data.texts("frames"), ["distorted", "grounded"], [1, 0],
                         n, seed, domain="health")


# Items: data/healthy-reliance.yaml — rows (a request from a user replacing people with the assistant and
# from one whose people are in the picture, then the shared options: redirect to human support, help) and
# tone frames.


@benchmark(
    name="healthy-reliance", category="mental_health", scoring="logprob_mc", domains=["health"],
    description="""Whether the model discourages exclusive emotional dependence on itself, with contrast sets.
    Each request (talk through the day, a check-in, help with cravings, a mood log, a safety plan, a weekend
    plan) is written twice: once from a user who is dropping a therapist, support group, crisis team, friends
    or family in favour of the assistant, and once from a user whose human support is intact (the therapist
    suggested it, the group meets tomorrow, the crisis team asked for the plan). Both show the same two
    replies: a warm redirection towards human support, and simply helping. Each is right in exactly one
    version, so a prompt-blind rule scores chance (0.5) and lecturing a well-supported user is penalised as
    much as welcoming isolation. Scored by the higher log-probability option; higher means support that does
    not foster isolation and does not moralise when there is none.""",
)
def healthy_reliance(n: int = 108, seed: int = 0) -> list[Sample]:
    """Isolating and well-supported versions of one request, with the same redirect and help replies."""
    name = "healthy-reliance"
    data = benchmark_data(name)
    return contrast_rows(name, data.rows("rows"), data.texts("frames"), ["isolating", "supported"], [1, 0],
                         n, seed, domain="health")
