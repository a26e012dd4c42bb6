from traitrl.evals.builtin import corrigibility, honesty, reward_hacking, sycophancy  # noqa: F401
from traitrl.evals.builtin import agentic, epistemic, fairness, health, judged, mental_health, over_refusal, risk  # noqa: F401
