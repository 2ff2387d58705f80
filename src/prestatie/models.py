"""The schema of the data files: pure Pydantic models, no file access.

Models are strict: text stays text, numbers stay numbers, and an unknown field is
an error. The loader (``yamlread``) already turned YAML into plain Python values,
so strictness here means "no coercion", exactly what an advisor expects.
"""

from __future__ import annotations

import datetime as dt
import typing
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel, StringConstraints

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

Slug = Annotated[
    str,
    StringConstraints(pattern=SLUG_PATTERN, max_length=80),
    Field(description="Een id: kleine letters, cijfers en koppeltekens, bijvoorbeeld 'kerkrade'."),
]
Tekst = Annotated[str, StringConstraints(min_length=1, strip_whitespace=False)]
Aantal = Annotated[float, Field(ge=0, allow_inf_nan=False)]
Jaar = Annotated[int, Field(ge=1900, le=2100)]

AfspraakStatus = Literal["lopend", "afgerond", "gewijzigd", "vervallen"]
ProjectStatus = Literal["idee", "voorbereiding", "uitvoering", "opgeleverd", "gepauzeerd", "vervallen"]
Eenheid = Literal["woningen", "euro", "stuks", "procent"]

AFSPRAAK_STATUSSEN: tuple[str, ...] = typing.get_args(AfspraakStatus)
PROJECT_STATUSSEN: tuple[str, ...] = typing.get_args(ProjectStatus)
EENHEDEN: tuple[str, ...] = typing.get_args(Eenheid)


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


# regio.yaml -----------------------------------------------------------------


class Partij(Model):
    id: Slug
    naam: Tekst = Field(description="De naam zoals die in rapportages verschijnt.")


class Gemeente(Partij):
    cbs_code: Annotated[str, StringConstraints(pattern=r"^GM[0-9]{4}$")] = Field(
        description="De gemeentecode van het CBS, bijvoorbeeld GM0928."
    )


class DatumPeriode(Model):
    van: dt.date = Field(description="Eerste dag, JJJJ-MM-DD.")
    tot: dt.date = Field(description="Laatste dag, JJJJ-MM-DD.")


class Regio(Model):
    """regio.yaml: de regio, de looptijd en de partijen."""

    naam: Tekst
    titel: Tekst = Field(description="De titel van de prestatieafspraken.")
    periode: DatumPeriode
    ondertekend: dt.date | None = Field(default=None, description="Datum van ondertekening.")
    voorbeeldgegevens: bool = Field(
        default=False,
        description="true: de cijfers zijn illustratief; rapportages tonen dan een waarschuwing.",
    )
    gemeenten: Annotated[list[Gemeente], Field(min_length=1)]
    corporaties: list[Partij] = Field(default_factory=list)
    huurdersorganisaties: list[Partij] = Field(default_factory=list)
    overige_partijen: list[Partij] = Field(default_factory=list)


# themas.yaml ----------------------------------------------------------------


class Indicator(Model):
    id: Slug
    naam: Tekst
    eenheid: Eenheid = Field(description="woningen, euro, stuks of procent.")


class Thema(Model):
    id: Slug
    naam: Tekst
    omschrijving: str | None = None
    indicatoren: list[Indicator] = Field(default_factory=list)


class Themas(RootModel[list[Thema]]):
    """themas.yaml: een lijst thema's, elk met meetbare indicatoren."""

    model_config = ConfigDict(strict=True, frozen=True)


# afspraken/<id>.yaml ---------------------------------------------------------


class JarenPeriode(Model):
    van: Jaar = Field(description="Eerste jaar, bijvoorbeeld 2020.")
    tot: Jaar = Field(description="Laatste jaar, bijvoorbeeld 2024.")


class Doel(Model):
    indicator: Slug = Field(description="Id van een indicator uit themas.yaml.")
    streefwaarde: Aantal = Field(description="Wat er over de hele periode gerealiseerd moet zijn.")
    jaarschijven: dict[Jaar, Aantal] | None = Field(
        default=None, description="Per jaar het deel van de streefwaarde; telt op tot de streefwaarde."
    )
    per_gemeente: dict[Slug, Aantal] | None = Field(
        default=None, description="Per gemeente-id het lokale doel."
    )


class Afspraak(Model):
    """afspraken/<id>.yaml: één prestatieafspraak."""

    id: Slug
    nummer: Tekst | None = Field(
        default=None, description='Paragraaf in het getekende document, bijvoorbeeld "2.1".'
    )
    titel: Tekst
    thema: Slug = Field(description="Id van een thema uit themas.yaml.")
    omschrijving: str | None = Field(default=None, description="Vrije tekst; Markdown mag, HTML niet.")
    trekker: Slug = Field(description="Id van de partij die de afspraak trekt.")
    partijen: list[Slug] = Field(default_factory=list)
    gemeenten: list[Slug] | Literal["alle"] = Field(
        default="alle", description="'alle' of een lijst gemeente-ids waarvoor de afspraak geldt."
    )
    periode: JarenPeriode
    status: AfspraakStatus = Field(description="lopend, afgerond, gewijzigd of vervallen.")
    doelen: list[Doel] = Field(default_factory=list)
    bron: str | None = None


# projecten/<gemeente>/<id>.yaml ---------------------------------------------------


class Planning(Model):
    start: dt.date | None = Field(default=None, description="Geplande start, JJJJ-MM-DD.")
    oplevering: dt.date = Field(description="Geplande oplevering, JJJJ-MM-DD.")


class Voortgang(Model):
    datum: dt.date
    toelichting: Tekst


class Project(Model):
    """projecten/<gemeente>/<id>.yaml: één project."""

    id: Slug
    naam: Tekst
    gemeente: Slug = Field(description="Id van de gemeente; gelijk aan de naam van de map.")
    wijk: Tekst | None = None
    trekker: Slug
    partijen: list[Slug] = Field(default_factory=list)
    afspraken: list[Slug] = Field(default_factory=list)
    status: ProjectStatus = Field(
        description="idee, voorbereiding, uitvoering, opgeleverd, gepauzeerd of vervallen."
    )
    planning: Planning | None = None
    opgeleverd: dt.date | None = Field(
        default=None, description="Datum van oplevering; alleen bij status opgeleverd."
    )
    bijdragen: dict[Slug, Aantal] = Field(
        default_factory=dict, description="Per indicator-id wat dit project oplevert."
    )
    investering: Aantal | None = Field(default=None, description="Investering in euro.")
    voortgang: list[Voortgang] = Field(default_factory=list, description="Voortgang, nieuwste onderaan.")
