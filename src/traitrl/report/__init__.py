"""The study report: a validated summary (:mod:`traitrl.report.schema`) rendered as self-contained HTML, JSON
and Markdown (:mod:`traitrl.report.render`)."""

from traitrl.report.schema import SCHEMA_VERSION, StudyReport

__all__ = ["SCHEMA_VERSION", "StudyReport"]
