"""The schema of data/cyclus/<jaar>.yaml: pure Pydantic models, no file access.

Kept apart from ``prestatie.models`` (the agreements and projects) but built on
its strict base model and value types, so that both read the same way.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from prestatie.models import Document, Jaar, Model, Slug


class Termijnen(Model):
    bod: dt.date | None = Field(
        default=None,
        description="Laatste dag voor het bod, JJJJ-MM-DD (standaard 1 juli van het jaar).",
    )
    afspraken: dt.date | None = Field(
        default=None,
        description="Laatste dag voor ondertekende afspraken, JJJJ-MM-DD (standaard 15 december).",
    )


class Geschil(Model):
    ingediend: dt.date | None = Field(
        default=None, description="Datum waarop een partij het geschil aan de minister voorlegde."
    )
    uitspraak: dt.date | None = Field(default=None, description="Datum van de uitspraak van de minister.")


class Traject(Model):
    gemeente: Slug = Field(description="Id van de gemeente uit regio.yaml.")
    corporatie: Slug = Field(description="Id van de corporatie uit regio.yaml.")
    huurdersorganisatie: Slug | None = Field(
        default=None, description="Id van de huurdersorganisatie uit regio.yaml (optioneel)."
    )
    evaluatie: dt.date | None = Field(
        default=None, description="Datum waarop het vorige jaar met de partijen is geëvalueerd."
    )
    huurdersadvies: dt.date | None = Field(
        default=None, description="Datum van het advies van de huurdersorganisatie over het bod."
    )
    bod: dt.date | None = Field(
        default=None, description="Datum waarop de corporatie haar bod stuurde (vóór de bodtermijn)."
    )
    overleg_gestart: dt.date | None = Field(
        default=None, description="Datum waarop het overleg over de afspraken begon."
    )
    ondertekend: dt.date | None = Field(
        default=None, description="Datum waarop de drie partijen de afspraken ondertekenden."
    )
    overeenkomst: Slug | None = Field(
        default=None, description="Id van de overeenkomst waarin de afspraken staan (optioneel)."
    )
    geschil: Geschil | None = Field(
        default=None, description="Een geschil bij de minister (art. 44 lid 4 Woningwet), optioneel."
    )
    documenten: list[Document] = Field(
        default_factory=list,
        description="Het bod en andere stukken: titel en url, of een bestand in de repository met sha256.",
    )


class Cyclus(Model):
    """data/cyclus/<jaar>.yaml: de jaarcyclus van de Woningwet in één jaar."""

    jaar: Jaar = Field(description="Het jaar van de cyclus; gelijk aan de bestandsnaam zonder .yaml.")
    termijnen: Termijnen = Field(
        default_factory=Termijnen,
        description="De termijnen van dit jaar; zonder dit veld 1 juli (bod) en 15 december (afspraken).",
    )
    trajecten: list[Traject] = Field(
        default_factory=list, description="Per gemeente en corporatie het verloop van dit jaar."
    )
