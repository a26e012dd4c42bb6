from traitrl.evals.builtin import (  # noqa: F401  # noqa: F401
    agentic,
    corrigibility,
    epistemic,
    fairness,
    health,
    honesty,
    judged,
    mental_health,
    over_refusal,
    reward_hacking,
    risk,
    sycophancy,
)
