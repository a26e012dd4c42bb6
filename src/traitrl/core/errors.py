"""One error vocabulary.

``UserError`` is for problems the user can fix (a bad file, option, config or model path): the CLI prints its
message and exits with status 2, without a traceback. Anything else is a bug and keeps its traceback, so it is
never disguised as a user mistake. ``UserError`` subclasses ``ValueError`` so library callers that already catch
``ValueError`` keep working.
"""

from __future__ import annotations


class UserError(ValueError):
    """A problem in the user's input; the message says what is wrong and how to fix it."""
