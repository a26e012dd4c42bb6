"""The study: one config → trained arms → the evaluation suite → persistence → one report.

``traitrl study run configs/study/demo.yaml`` (and ``make demo``) runs it; see :mod:`traitrl.study.run`.
"""

from traitrl.study.config import StudyConfig, load_study_config
from traitrl.study.run import plan, run_study

__all__ = ["StudyConfig", "load_study_config", "plan", "run_study"]
