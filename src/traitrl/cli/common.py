"""Shared CLI plumbing: one console, clean errors instead of tracebacks, progress bars, inert text.

Everything a command prints that came from a user or a model (replies, scenario text, file names, config
values, error messages) goes through :func:`traitrl.core.text.plain` / :func:`~traitrl.core.text.joined`, so it
is shown literally: rich markup such as ``[/]`` is not parsed, control characters and ANSI escapes are shown as
``\\x1b[2J``, lone surrogates as ``\\ud800``. Messages are not re-wrapped (one error stays one line); tables and panels are printed with ``soft_wrap=False``,
so their long cells wrap instead of being cut.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from traitrl.core.text import joined, plain, redact

console = Console(highlight=False, soft_wrap=True)
err_console = Console(stderr=True, highlight=False, soft_wrap=True)

F = TypeVar("F", bound=Callable[..., Any])

__all__ = ["console", "err_console", "fail", "joined", "plain", "progress", "table", "user_errors"]


def fail(message: object, label: str = "error:", code: int = 2) -> typer.Exit:
    """Print ``label message`` (inert, credentials redacted) to stderr and return the exit to raise."""
    err_console.print(joined((label, "bold red"), " ", redact(message)))
    return typer.Exit(code)


def user_errors(fn: F) -> F:
    """Turn expected failures (bad files, missing models, bad configs) into one message and exit code 2.

    ``UserError`` and the other ``ValueError`` subclasses, model-loading and endpoint errors, and operating
    system errors on user paths (missing, unreadable, a directory where a file was expected) are expected;
    anything else is a bug and keeps its traceback.
    """

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from traitrl.models.openai_compat import OpenAIError

        try:
            return fn(*args, **kwargs)
        except (ValueError, OpenAIError, OSError) as err:  # UserError and ModelLoadError are ValueErrors
            raise fail(describe_error(err)) from None

    return wrapper  # type: ignore[return-value]


_OS_PROBLEMS: dict[type[OSError], str] = {
    FileNotFoundError: "no such file or directory",
    IsADirectoryError: "is a directory, not a file",
    NotADirectoryError: "a parent of this path is a file, not a directory",
    PermissionError: "permission denied",
}


def describe_error(err: BaseException) -> str:
    """An OSError names its file and the problem; other errors already carry their own message."""
    if isinstance(err, OSError) and err.filename is not None:
        for kind, what in _OS_PROBLEMS.items():
            if isinstance(err, kind):
                return f"{err.filename}: {what}"
        return f"{err.filename}: {err.strerror or err}"
    return str(err)


def table(title: object, columns: list[str], **kwargs: Any) -> Table:
    """A table whose cells fold long words (benchmark names, paths, ids) instead of cutting them."""
    t = Table(title=plain(title), **kwargs)
    for col in columns:
        t.add_column(col, overflow="fold")
    return t


def progress() -> Progress:
    return Progress(
        TextColumn("{task.description}", markup=False, style="bold"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        TimeRemainingColumn(), console=err_console, transient=False,
    )
