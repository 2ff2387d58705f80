"""The Typer application: the root (``--version``, the overview) and the registries of the commands.

Each command module registers its commands on its own registry (``app = commands()``);
``root_app`` takes over the registries of the modules a command line needs
(prestatie.cli.main), so that ``prestatie validate`` builds and imports only validate.
"""

from __future__ import annotations

from typing import Annotated

import typer

from prestatie import __version__
from prestatie.cli.dutch_help import voorbeelden

HELP = "Prestatieafspraken en projecten als YAML in git: controleren, voortgang bijhouden en rapporteren."


def commands() -> typer.Typer:
    """The registry of one command module: its ``@app.command`` and ``app.add_typer`` land here."""
    return typer.Typer(add_completion=False, rich_markup_mode=None)


def root_app(*registries: typer.Typer) -> typer.Typer:
    """The prestatie app with the commands of ``registries``, in their order (commands before groups)."""
    app = typer.Typer(
        name="prestatie",
        help=HELP,
        context_settings={"help_option_names": ["-h", "--help"]},
        epilog=voorbeelden(
            "prestatie validate",
            "prestatie status --gemeente Kerkrade",
            "prestatie report --gemeente Kerkrade --output kerkrade.html",
            "prestatie COMMANDO --help",
        ),
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
    )
    app.callback()(root)
    for registry in registries:
        app.registered_commands.extend(registry.registered_commands)
        app.registered_groups.extend(registry.registered_groups)
    return app


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"prestatie {__version__}")
        raise typer.Exit(0)


def root(
    *,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_show_version,
            is_eager=True,
            help="Toon het versienummer en stop.",
        ),
    ] = False,
    geen_cache: Annotated[
        bool,
        typer.Option(
            "--geen-cache",
            help="Lees en controleer elk bestand opnieuw, zonder de cache van eerder gecontroleerde "
            "bestanden (die staat in ~/.cache/prestatie, of in de map die PRESTATIE_CACHE noemt).",
        ),
    ] = False,
) -> None:
    """Prestatieafspraken en projecten als YAML in git: controleren, voortgang bijhouden en rapporteren."""
    from prestatie.cli.options import use_cache

    use_cache(not geen_cache)
