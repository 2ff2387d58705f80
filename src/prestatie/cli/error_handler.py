"""The one place where exceptions become messages and exit codes.

0 fine, 1 the data has errors, 2 the command was used wrongly, 3 anything
unexpected: never a Python traceback.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable
from typing import Any

from prestatie.errors import PrestatieError
from prestatie.suggest import did_you_mean

UNEXPECTED = (
    "Er ging onverwacht iets mis in prestatie ({kind}: {detail}). Uw gegevens zijn niet "
    "gewijzigd. Probeer het opnieuw; gebeurt het weer, meld het dan aan de beheerder van "
    "de tool met het commando dat u gaf en deze melding."
)


def _kinds(exc: BaseException) -> set[str]:
    # Typer vendors its own copy of Click in recent versions; match Click's
    # exception classes by name so that both layouts work.
    return {cls.__name__ for cls in type(exc).__mro__}


def _usage_message(exc: Any) -> str:
    kinds = _kinds(exc)
    if "NoSuchOption" in kinds:
        hint = ""
        if exc.possibilities:
            hint = f" Bedoelde u {' of '.join(sorted(exc.possibilities))}?"
        return f"Onbekende optie {exc.option_name}.{hint}"
    if "MissingParameter" in kinds:
        name = exc.param.opts[0] if exc.param is not None and exc.param.opts else "een waarde"
        return f"Er ontbreekt {name}."
    if "BadParameter" in kinds:
        return f"Ongeldige waarde: {exc.format_message()}"
    message = str(exc.format_message())
    if message.startswith("No such command"):
        name = message.split("'")[1] if "'" in message else message
        ctx = getattr(exc, "ctx", None)
        known: list[str] = sorted(getattr(getattr(ctx, "command", None), "commands", {}) or [])
        close = did_you_mean(name, known)
        suggestion = f" Bedoelde u '{close}'?" if close else ""
        return f"Onbekend commando '{name}'.{suggestion} Beschikbaar: {', '.join(known)}."
    if "requires an argument" in message:
        return f"De optie {message.split(' ')[1]} heeft een waarde nodig."
    if message.startswith("Got unexpected extra argument"):
        return f"Onverwacht extra argument {message.split('(')[-1].rstrip(')')}."
    return message


# What a shell reports for a process ended by SIGPIPE (128 + 13): the reader of
# the output went away (``prestatie status | head -1``); not an error of the data.
CLOSED_PIPE = 141


def closed_pipe() -> int:
    """Stop writing to the closed standard output quietly; the exit code for a closed pipe."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # the final flush at exit goes nowhere
        os.close(devnull)
    return CLOSED_PIPE


def run(command: Callable[..., object], args: list[str] | None = None) -> int:
    """Run the Click command; return the exit code, printing any error in Dutch."""
    try:
        result = command(args=args, standalone_mode=False, prog_name="prestatie")
    except PrestatieError as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("Afgebroken.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return closed_pipe()
    except Exception as exc:  # the promise: never a traceback
        kinds = _kinds(exc)
        if "Exit" in kinds:
            return int(getattr(exc, "exit_code", 0) or 0)
        if "Abort" in kinds:
            print("Afgebroken.", file=sys.stderr)
            return 130
        if "NoArgsIsHelpError" in kinds:
            print(exc.format_message() if hasattr(exc, "format_message") else exc)
            return 2
        if "UsageError" in kinds:
            print(f"Fout: {_usage_message(exc)}", file=sys.stderr)
            print("Gebruik 'prestatie --help' voor de mogelijkheden.", file=sys.stderr)
            return 2
        print(UNEXPECTED.format(kind=type(exc).__name__, detail=str(exc)[:200]), file=sys.stderr)
        return 3
    return result if isinstance(result, int) else 0
