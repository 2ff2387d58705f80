"""The exceptions of prestatie; ``cli/errors.py`` maps them to exit codes."""

from __future__ import annotations


class PrestatieError(Exception):
    """Root of every error this package raises on purpose.

    The message is Dutch and meant for the user as it stands.
    """

    exit_code = 3


class DataError(PrestatieError):
    """The data set has errors, so the command cannot give an answer (exit 1)."""

    exit_code = 1


class UsageError(PrestatieError):
    """The command was used wrongly: unknown name, bad option, no data (exit 2)."""

    exit_code = 2


class InternalError(Exception):
    """A broken internal promise: a bug in prestatie, never a problem in the user's data.

    Deliberately not a PrestatieError: the error handler reports it as unexpected
    (exit 3) and asks the user to report it, instead of giving a wrong answer silently.
    """
