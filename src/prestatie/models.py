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
from prestatie.units import KNOWN_UNITS

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
# A measured value: may be negative (a measured net change can be).
Waarde = Annotated[float, Field(allow_inf_nan=False)]
Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]

AfspraakStatus = Literal["lopend", "afgerond", "gewijzigd", "vervallen"]
ProjectStatus = Literal["idee", "voorbereiding", "uitvoering", "opgeleverd", "gepauzeerd", "vervallen"]
Niveau = Literal["nationaal", "regionaal", "lokaal", "jaarschijf"]
Telling = Literal["som", "stand"]
Bron = Literal["projecten", "metingen"]
Richting = Literal["minimaal", "maximaal"]

AFSPRAAK_STATUSSEN: tuple[str, ...] = typing.get_args(AfspraakStatus)
PROJECT_STATUSSEN: tuple[str, ...] = typing.get_args(ProjectStatus)
# Units with Dutch formatting and plurals (units.KNOWN_UNITS); ``eenheid`` itself is free text.
EENHEDEN: tuple[str, ...] = tuple(KNOWN_UNITS)
NIVEAUS: tuple[str, ...] = typing.get_args(Niveau)


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


# regio.yaml -----------------------------------------------------------------


class Voorheen(Model):
    naam: Tekst = Field(description="Een eerdere naam van de partij.")
    tot: dt.date | None = Field(default=None, description="Laatste dag onder die naam, JJJJ-MM-DD.")


class OpgegaanIn(Model):
    partij: Slug = Field(description="Id van de partij waarin deze partij is opgegaan.")
    per: dt.date = Field(description="Datum van de fusie, JJJJ-MM-DD.")


class Partij(Model):
    id: Slug = Field(description="Id van de partij, bijvoorbeeld 'heemwonen'; uniek over alle partijen.")
    naam: Tekst = Field(description="De naam zoals die in rapportages verschijnt.")
    voorheen: list[Voorheen] = Field(
        default_factory=list, description="Eerdere namen; de opdrachtregel accepteert ze ook."
    )
    opgegaan_in: OpgegaanIn | None = Field(
        default=None, description="De partij is per een datum opgegaan in een andere partij."
    )


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
    # Required without data/overeenkomsten/ (a version 1 data set: these three form
    # the one implicit overeenkomst 'regio'); the rules check that, not the schema.
    titel: Tekst | None = Field(
        default=None,
        description="De titel van de prestatieafspraken; verplicht zonder de map data/overeenkomsten/.",
    )
    periode: DatumPeriode | None = Field(
        default=None,
        description="Looptijd van de afspraken, als JJJJ-MM-DD; verplicht zonder de map "
        "data/overeenkomsten/.",
    )
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


class Samengesteld(Model):
    plus: Annotated[list[Slug], Field(min_length=1)] = Field(
        description="Ids van de indicatoren die optellen."
    )
    min: list[Slug] = Field(default_factory=list, description="Ids van de indicatoren die aftrekken.")


class Indicator(Model):
    id: Slug = Field(description="Id van de indicator; uniek over alle thema's.")
    naam: Tekst = Field(description="Wat er gemeten wordt, bijvoorbeeld 'Nieuwe sociale huurwoningen'.")
    eenheid: Tekst = Field(
        examples=list(EENHEDEN),
        description=f"Vrije tekst; {', '.join(EENHEDEN[:-1])} en {EENHEDEN[-1]} krijgen Nederlandse "
        "notatie en meervoud."
    )
    samengesteld: Samengesteld | None = Field(
        default=None,
        description="Samengesteld: de som van 'plus' min de som van 'min' (indicatoren met dezelfde "
        "eenheid); krijgt zelf geen bijdragen of metingen.",
    )


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


class Nulmeting(Model):
    datum: dt.date = Field(description="Datum van de nulmeting, JJJJ-MM-DD.")
    waarde: Waarde = Field(description="De gemeten waarde op die datum.")


class Doel(Model):
    indicator: Slug = Field(description="Id van een indicator uit themas.yaml.")
    telling: Telling = Field(
        default="som",
        description="som (standaard): opgeteld over de periode; stand: de gemeten stand op een datum.",
    )
    bron: Bron = Field(
        default="projecten",
        description="projecten (standaard): de bijdragen van opgeleverde projecten; metingen: "
        "data/metingen/<indicator>.yaml.",
    )
    richting: Richting = Field(
        default="minimaal",
        description="minimaal (standaard): minstens de streefwaarde; maximaal: hoogstens.",
    )
    nulmeting: Nulmeting | None = Field(
        default=None,
        description="Bij een stand: het beginpunt van een rechte lijn naar de streefwaarde.",
    )
    streefwaarde: Aantal = Field(description="Wat er over de hele periode gerealiseerd moet zijn.")
    jaarschijven: dict[Jaar, Aantal] | None = Field(
        default=None, description="Per jaar het deel van de streefwaarde; telt op tot de streefwaarde."
    )
    per_gemeente: dict[Slug, Aantal] | None = Field(
        default=None, description="Per gemeente-id het lokale doel."
    )


class Verantwoording(Model):
    datum: dt.date = Field(description="Datum van de verantwoording, JJJJ-MM-DD.")
    oorzaak: Tekst = Field(description="Waarom het doel achterblijft.")
    gevolgen: Tekst | None = Field(
        default=None, description="Wat dat betekent, bijvoorbeeld voor de planning."
    )
    bijsturing: Tekst = Field(description="Wat de partijen eraan doen.")


class Afspraak(Model):
    """afspraken/<id>.yaml: één prestatieafspraak."""

    id: Slug = Field(description="Id van de afspraak; gelijk aan de bestandsnaam zonder .yaml.")
    nummer: Tekst | None = Field(
        default=None, description='Paragraaf in het getekende document, bijvoorbeeld "2.1".'
    )
    titel: Tekst = Field(description="De titel zoals die in rapportages verschijnt.")
    overeenkomst: Slug | None = Field(
        default=None,
        description="Id van de overeenkomst in data/overeenkomsten/; verplicht als die map bestaat.",
    )
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
    verantwoording: list[Verantwoording] = Field(
        default_factory=list,
        description="Per keer dat een doel achterblijft: oorzaak, gevolgen en bijsturing.",
    )


# projecten/<gemeente>/<id>.yaml ---------------------------------------------------


class Planning(Model):
    start: dt.date | None = Field(default=None, description="Geplande start, JJJJ-MM-DD.")
    oplevering: dt.date = Field(description="Geplande oplevering, JJJJ-MM-DD.")


class Voortgang(Model):
    datum: dt.date = Field(description="Datum, JJJJ-MM-DD.")
    toelichting: Tekst = Field(description="Wat er is gebeurd, in een of twee zinnen.")


class Oplevering(Model):
    datum: dt.date = Field(description="Datum waarop deze fase is opgeleverd, JJJJ-MM-DD.")
    bijdragen: dict[Slug, Aantal] = Field(description="Per indicator-id wat deze fase oplevert.")
    toelichting: Tekst | None = Field(default=None, description="Welke fase, in een paar woorden.")


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
    opleveringen: list[Oplevering] = Field(
        default_factory=list,
        description="Fasen die al zijn opgeleverd voordat het hele project is opgeleverd.",
    )
    investering: Aantal | None = Field(default=None, description="Investering in euro.")
    voortgang: list[Voortgang] = Field(default_factory=list, description="Voortgang, nieuwste onderaan.")


# overeenkomsten/<id>.yaml (version 2, optional folder) -------------------------------


class Ondertekenaar(Model):
    partij: Slug = Field(description="Id van de partij die tekende (een organisatie, nooit een persoon).")
    namens: list[Slug] = Field(
        default_factory=list, description="Ids van de gemeenten namens wie deze partij tekende."
    )


class Document(Model):
    titel: Tekst = Field(description="Wat het document is, bijvoorbeeld 'Getekende afspraken'.")
    bestand: Tekst | None = Field(
        default=None, description="Pad vanaf de hoofdmap van de repository, bijvoorbeeld documenten/x.pdf."
    )
    sha256: Sha256 | None = Field(
        default=None, description="SHA-256 van het bestand (64 tekens 0-9a-f); validate controleert die."
    )
    url: Tekst | None = Field(default=None, description="Een webadres van het document.")


class Overeenkomst(Model):
    """overeenkomsten/<id>.yaml: één getekende overeenkomst met een looptijd."""

    id: Slug = Field(description="Id van de overeenkomst; gelijk aan de bestandsnaam zonder .yaml.")
    titel: Tekst = Field(description="De titel zoals die in rapportages verschijnt.")
    niveau: Niveau = Field(description="nationaal, regionaal, lokaal of jaarschijf.")
    periode: DatumPeriode = Field(description="Looptijd: van en tot, als JJJJ-MM-DD.")
    ondertekend: dt.date | None = Field(
        default=None, description="Datum van ondertekening; leeg zolang het een concept is."
    )
    ondertekenaars: list[Ondertekenaar] = Field(
        default_factory=list, description="De organisaties die tekenden."
    )
    gemeenten: list[Slug] | Literal["alle"] = Field(
        default="alle", description="'alle' of een lijst gemeente-ids waarvoor de overeenkomst geldt."
    )
    onderdeel_van: Slug | None = Field(
        default=None, description="Id van de overkoepelende overeenkomst (bij lokaal of jaarschijf)."
    )
    vervangt: Slug | None = Field(default=None, description="Id van de voorganger.")
    documenten: list[Document] = Field(
        default_factory=list, description="De getekende tekst en andere stukken."
    )
    bron: str | None = Field(default=None, description="Waar de overeenkomst te vinden is.")


# metingen/<indicator-id>.yaml (version 2, optional folder) ---------------------------


class Meting(Model):
    datum: dt.date | None = Field(default=None, description="Bij een stand: de datum, JJJJ-MM-DD.")
    van: dt.date | None = Field(default=None, description="Bij een stroom: eerste dag, JJJJ-MM-DD.")
    tot: dt.date | None = Field(default=None, description="Bij een stroom: laatste dag, JJJJ-MM-DD.")
    waarde: Waarde = Field(description="De gemeten waarde; mag negatief zijn.")
    gemeente: Slug | None = Field(default=None, description="Alleen voor deze gemeente (anders: de regio).")
    corporatie: Slug | None = Field(
        default=None, description="Alleen voor deze corporatie (anders: de regio)."
    )
    bron: Tekst = Field(description="Waar de waarde vandaan komt, bijvoorbeeld 'Woonmonitor Parkstad 2024'.")

    @property
    def is_stand(self) -> bool:
        return self.datum is not None and self.van is None and self.tot is None

    @property
    def is_stroom(self) -> bool:
        return self.datum is None and self.van is not None and self.tot is not None

    @property
    def scope(self) -> tuple[str, str] | None:
        """('gemeente', id), ('corporatie', id), or None for the whole region."""
        if self.gemeente is not None:
            return ("gemeente", self.gemeente)
        if self.corporatie is not None:
            return ("corporatie", self.corporatie)
        return None


class Metingen(Model):
    """metingen/<indicator-id>.yaml: gemeten waarden van één indicator door de tijd."""

    indicator: Slug = Field(description="Id van de indicator; gelijk aan de bestandsnaam zonder .yaml.")
    metingen: list[Meting] = Field(default_factory=list, description="De metingen, in willekeurige volgorde.")
