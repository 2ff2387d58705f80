"""The schema of the data files: pure Pydantic models, no file access.

Models are strict: text stays text, numbers stay numbers, and an unknown field is
an error. The loader (``yamlread``) already turned YAML into plain Python values,
so strictness here means "no coercion", exactly what an advisor expects.
"""

from __future__ import annotations

import datetime as dt
import typing
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, RootModel, StringConstraints
from pydantic_core import PydanticCustomError

from prestatie.layout import SLUG_PATTERN

Slug = Annotated[
    str,
    StringConstraints(pattern=SLUG_PATTERN, max_length=80),
    Field(description="Een id: kleine letters, cijfers en koppeltekens, bijvoorbeeld 'kerkrade'."),
]
Tekst = Annotated[str, StringConstraints(min_length=1, strip_whitespace=False)]
# An amount (woningen, euro, stuks, procent): no more than a trillion and no finer
# than a millionth, so that sums, percentages and Dutch formatting stay exact.
MAX_AANTAL = 10**12
AANTAL_DECIMALEN = 6


def _not_too_fine(value: float) -> float:
    if round(value, AANTAL_DECIMALEN) != value:
        raise PydanticCustomError("too_many_decimals", "too many decimals")
    return value


Aantal = Annotated[float, Field(ge=0, le=MAX_AANTAL, allow_inf_nan=False), AfterValidator(_not_too_fine)]
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
    id: Slug = Field(description="Id van de partij, bijvoorbeeld 'heemwonen'; uniek over alle partijen.")
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

    naam: Tekst = Field(description="Naam van de regio, bijvoorbeeld Parkstad Limburg.")
    titel: Tekst = Field(description="De titel van de prestatieafspraken.")
    periode: DatumPeriode = Field(description="Looptijd van de afspraken: van en tot, als JJJJ-MM-DD.")
    ondertekend: dt.date | None = Field(default=None, description="Datum van ondertekening.")
    voorbeeldgegevens: bool = Field(
        default=False,
        description="true: de cijfers zijn illustratief; rapportages tonen dan een waarschuwing.",
    )
    gemeenten: Annotated[list[Gemeente], Field(min_length=1)] = Field(
        description="De gemeenten in de regio (minstens één)."
    )
    corporaties: list[Partij] = Field(default_factory=list, description="De woningcorporaties.")
    huurdersorganisaties: list[Partij] = Field(default_factory=list, description="De huurdersorganisaties.")
    overige_partijen: list[Partij] = Field(
        default_factory=list, description="Andere partijen, bijvoorbeeld de stadsregio."
    )


# themas.yaml ----------------------------------------------------------------


class Indicator(Model):
    id: Slug = Field(description="Id van de indicator; uniek over alle thema's.")
    naam: Tekst = Field(description="Wat er gemeten wordt, bijvoorbeeld 'Nieuwe sociale huurwoningen'.")
    eenheid: Eenheid = Field(description="woningen, euro, stuks of procent.")


class Thema(Model):
    id: Slug = Field(description="Id van het thema, bijvoorbeeld 'nieuwbouw'.")
    naam: Tekst = Field(description="De naam zoals die in rapportages verschijnt.")
    omschrijving: str | None = Field(default=None, description="Waar het thema over gaat.")
    indicatoren: list[Indicator] = Field(default_factory=list, description="De meetbare indicatoren.")


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

    id: Slug = Field(description="Id van de afspraak; gelijk aan de bestandsnaam zonder .yaml.")
    nummer: Tekst | None = Field(
        default=None, description='Paragraaf in het getekende document, bijvoorbeeld "2.1".'
    )
    titel: Tekst = Field(description="De titel zoals die in rapportages verschijnt.")
    thema: Slug = Field(description="Id van een thema uit themas.yaml.")
    omschrijving: str | None = Field(default=None, description="Vrije tekst; Markdown mag, HTML niet.")
    trekker: Slug = Field(description="Id van de partij die de afspraak trekt.")
    partijen: list[Slug] = Field(default_factory=list, description="Ids van de partijen bij de afspraak.")
    gemeenten: list[Slug] | Literal["alle"] = Field(
        default="alle", description="'alle' of een lijst gemeente-ids waarvoor de afspraak geldt."
    )
    periode: JarenPeriode = Field(description="Eerste en laatste jaar: {van: 2020, tot: 2024}.")
    status: AfspraakStatus = Field(description="lopend, afgerond, gewijzigd of vervallen.")
    doelen: list[Doel] = Field(
        default_factory=list, description="Meetbare doelen; een kwalitatieve afspraak heeft er geen."
    )
    bron: str | None = Field(default=None, description="Waar de afspraak staat, bijvoorbeeld een paragraaf.")


# projecten/<gemeente>/<id>.yaml ---------------------------------------------------


class Planning(Model):
    start: dt.date | None = Field(default=None, description="Geplande start, JJJJ-MM-DD.")
    oplevering: dt.date = Field(description="Geplande oplevering, JJJJ-MM-DD.")


class Voortgang(Model):
    datum: dt.date = Field(description="Datum, JJJJ-MM-DD.")
    toelichting: Tekst = Field(description="Wat er is gebeurd, in een of twee zinnen.")


class Project(Model):
    """projecten/<gemeente>/<id>.yaml: één project."""

    id: Slug = Field(description="Id van het project; gelijk aan de bestandsnaam zonder .yaml.")
    naam: Tekst = Field(description="De naam zoals die in rapportages verschijnt.")
    gemeente: Slug = Field(description="Id van de gemeente; gelijk aan de naam van de map.")
    wijk: Tekst | None = Field(default=None, description="De wijk of kern (optioneel).")
    trekker: Slug = Field(description="Id van de partij die het project trekt.")
    partijen: list[Slug] = Field(default_factory=list, description="Ids van alle betrokken partijen.")
    afspraken: list[Slug] = Field(
        default_factory=list, description="Ids van de afspraken waaraan het project bijdraagt."
    )
    status: ProjectStatus = Field(
        description="idee, voorbereiding, uitvoering, opgeleverd, gepauzeerd of vervallen."
    )
    planning: Planning | None = Field(default=None, description="Geplande start en oplevering.")
    opgeleverd: dt.date | None = Field(
        default=None, description="Datum van oplevering; alleen bij status opgeleverd."
    )
    bijdragen: dict[Slug, Aantal] = Field(
        default_factory=dict, description="Per indicator-id wat dit project oplevert."
    )
    investering: Aantal | None = Field(default=None, description="Investering in euro.")
    voortgang: list[Voortgang] = Field(default_factory=list, description="Voortgang, nieuwste onderaan.")
