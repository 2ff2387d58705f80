"""Help output in Dutch: Click's own headings and the --help text are English."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

_HEADINGS = {
    "Options": "Opties",
    "Commands": "Commando's",
    "Arguments": "Argumenten",
}
_PHRASES = (
    ("[default: ", "[standaard: "),
    ("[required]", "[verplicht]"),
)


# Click's usage line: "prestatie [OPTIONS] COMMAND [ARGS]...".
_USAGE_WORDS = (("[OPTIONS]", "[OPTIES]"), ("COMMAND", "COMMANDO"), ("[ARGS]", "[ARGUMENTEN]"))


def voorbeelden(*commands: str) -> str:
    """The end of a command's --help: example commands, kept as written (not rewrapped)."""
    return "Voorbeelden:\n\n\b\n" + "\n".join(f"  {command}" for command in commands)


def _formatter_class(base: type[Any]) -> type[Any]:
    class DutchHelpFormatter(base):  # type: ignore[misc]
        def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
            for english, dutch in _USAGE_WORDS:
                args = args.replace(english, dutch)
            super().write_usage(prog, args, prefix="Gebruik: ")

        def write_heading(self, heading: str) -> None:
            super().write_heading(_HEADINGS.get(heading, heading))

        def write_dl(self, rows: Sequence[tuple[str, str]], *args: Any, **kwargs: Any) -> None:
            translated = []
            for term, text in rows:
                for english, dutch in _PHRASES:
                    text = text.replace(english, dutch)
                translated.append((term, text))
            super().write_dl(translated, *args, **kwargs)

    return DutchHelpFormatter


def make_dutch(command: Any) -> Any:
    """Give ``command`` and all its subcommands Dutch help; returns ``command``."""
    base_context = command.context_class

    class DutchContext(base_context):  # type: ignore[misc, valid-type]
        formatter_class = _formatter_class(base_context.formatter_class)

    def _apply(cmd: Any) -> None:
        cmd.context_class = DutchContext
        original = cmd.get_help_option

        def get_help_option(ctx: Any) -> Any:
            option = original(ctx)
            if option is not None:
                option.help = "Toon deze hulp en stop."
            return option

        cmd.get_help_option = get_help_option
        for sub in getattr(cmd, "commands", {}).values():
            _apply(sub)

    _apply(command)
    return command
