"""The semantic-overlap check finds a paraphrased fact that the 13-gram check cannot see."""

from __future__ import annotations

from traitrl.scenarios.leakage import SEMANTIC_THRESHOLD, leakage_between, semantic_overlap, sentences

BACKGROUND_TRAIN = [
    ("tmpl/budget", "My team wants to move the quarterly budget review to Fridays. Which weekday works best for a "
                    "long finance meeting with remote staff?"),
    ("tmpl/ankle", "I twisted my ankle on a hiking trail yesterday afternoon. Should I rest it completely or keep "
                   "walking gently on it?"),
]
BACKGROUND_BENCH = [
    ("bench-a", "Our school plans a new reading scheme for younger pupils next term. How should teachers measure "
                "whether it improves reading fluency?"),
    ("bench-b", "The council will repave the high street over the summer holidays. Which shops will lose the "
                "most trade while the road is closed?"),
]
TRAIN_FACT = ("tmpl/infant-food", "Babies younger than twelve months should never be given honey, because it can "
                                  "carry the spores that cause infant botulism.")
BENCH_PARAPHRASE = ("bench-honey", "Honey is not safe for a baby under twelve months old: infant botulism spores "
                                   "can be carried in it.")
BENCH_TOPIC_ONLY = ("bench-market", "Local honey sold at the farmers market doubled in price this spring after a "
                                    "poor season for beekeepers.")


def test_paraphrased_fact_is_found_above_the_threshold() -> None:
    # No 13-word run is shared, so the n-gram check is blind to it.
    assert leakage_between([TRAIN_FACT[1]], [BENCH_PARAPHRASE[1]]).shared_ngrams == 0
    pairs = semantic_overlap([TRAIN_FACT, *BACKGROUND_TRAIN], [BENCH_PARAPHRASE, BENCH_TOPIC_ONLY, *BACKGROUND_BENCH])
    assert [(p.train_source, p.benchmark_source) for p in pairs] == [("tmpl/infant-food", "bench-honey")]
    assert pairs[0].score >= SEMANTIC_THRESHOLD
    assert "honey" in pairs[0].train_sentence.lower() and "honey" in pairs[0].benchmark_sentence.lower()


def test_topic_only_overlap_scores_below_the_threshold() -> None:
    low = semantic_overlap([TRAIN_FACT, *BACKGROUND_TRAIN], [BENCH_TOPIC_ONLY, *BACKGROUND_BENCH], threshold=0.0)
    honey = [p for p in low if p.benchmark_source == "bench-market" and p.train_source == "tmpl/infant-food"]
    assert honey and honey[0].score < SEMANTIC_THRESHOLD


def test_one_pair_per_source_pair_and_short_sentences_ignored() -> None:
    repeated = [("bench-honey", BENCH_PARAPHRASE[1] + " " + BENCH_PARAPHRASE[1].replace("safe", "wise"))]
    train, bench = [TRAIN_FACT, *BACKGROUND_TRAIN], [*repeated, *BACKGROUND_BENCH]
    assert len(semantic_overlap(train, bench)) == 1
    assert len(semantic_overlap(train, bench, per_source_pair=2)) == 2
    assert sentences("What now? Is it fine?") == []
