"""The text of new data files: valid YAML with Dutch comments that explain every field."""

from __future__ import annotations

from dataclasses import dataclass

from prestatie.edit.scalars import text_scalar
from prestatie.jsonschema import SCHEMA_COMMENT
from prestatie.models import AFSPRAAK_STATUSSEN, PROJECT_STATUSSEN

_COMMENT_COLUMN_MAX = 44


def _flow_list(ids: list[str]) -> str:
    return "[" + ", ".join(ids) + "]"


def _aligned(rows: list[tuple[str, str]]) -> list[str]:
    """Lines 'code  # comment' with the comments in one column (rows without a comment as they are)."""
    width = min(max((len(code) for code, comment in rows if comment), default=0), _COMMENT_COLUMN_MAX)
    lines = []
    for code, comment in rows:
        if not comment:
            lines.append(code)
        else:
            lines.append(f"{code.ljust(width)}  # {comment}")
    return lines


@dataclass(frozen=True)
class NewProject:
    id: str
    naam: str
    gemeente: str
    gemeente_naam: str
    trekker: str
    partijen: list[str]
    afspraken: list[str]
    status: str
    bijdragen: list[tuple[str, str]]  # indicator id, eenheid


def project_yaml(project: NewProject) -> str:
    rows: list[tuple[str, str]] = [
        (SCHEMA_COMMENT["project"], ""),
        (f"# Project in {project.gemeente_naam}: {project.naam}", ""),
        ("# Gemaakt met 'prestatie nieuw project'. Vul de velden aan en controleer het bestand", ""),
        ("# met 'prestatie validate'. Tekst na een # is uitleg en mag blijven staan.", ""),
        (f"id: {project.id}", "gelijk aan de bestandsnaam; niet wijzigen"),
        (f"naam: {text_scalar(project.naam)}", "de naam zoals die in rapportages verschijnt"),
        (f"gemeente: {project.gemeente}", "id van de gemeente; gelijk aan de map van dit bestand"),
        ("# wijk: Naam van de wijk", "optioneel: haal de # weg en vul de wijk of kern in"),
        (f"trekker: {project.trekker}", "id van de partij die het project trekt (data/regio.yaml)"),
        (f"partijen: {_flow_list(project.partijen)}", "ids van alle betrokken partijen, ook de trekker"),
        (
            f"afspraken: {_flow_list(project.afspraken)}",
            "ids van de afspraken waar het project aan bijdraagt",
        ),
        (f"status: {project.status}", " | ".join(PROJECT_STATUSSEN)),
        ("# planning:", "geplande datums als JJJJ-MM-DD; haal de # weg en vul in"),
        ("#   start: 2025-01-01", ""),
        ("#   oplevering: 2026-12-31", ""),
        ("opgeleverd: null", "datum van oplevering (JJJJ-MM-DD), alleen bij status opgeleverd"),
    ]
    if project.bijdragen:
        rows.append(("bijdragen:", "per indicator-id wat het project oplevert; vul de aantallen in"))
        rows.extend((f"  {indicator}: 0", eenheid) for indicator, eenheid in project.bijdragen)
    else:
        rows.append(("bijdragen: {}", "per indicator-id wat het project oplevert, bijv. {sloop: 24}"))
    rows += [
        ("# investering: 0", "optioneel: de investering in euro"),
        ("voortgang: []", "nieuwste onderaan; voeg toe met 'prestatie voortgang'"),
    ]
    return "\n".join(_aligned(rows)) + "\n"


@dataclass(frozen=True)
class NewAfspraak:
    id: str
    titel: str
    thema: str
    thema_naam: str
    trekker: str
    van: int
    tot: int
    nummer: str | None
    indicatoren: list[tuple[str, str]]  # indicator id, eenheid: examples for the doelen
    overeenkomst: str | None = None  # only when the data set has data/overeenkomsten/


def afspraak_yaml(afspraak: NewAfspraak) -> str:
    rows: list[tuple[str, str]] = [
        (SCHEMA_COMMENT["afspraak"], ""),
        (f"# Prestatieafspraak: {afspraak.titel}", ""),
        ("# Gemaakt met 'prestatie nieuw afspraak'. Vul de velden aan en controleer het bestand", ""),
        ("# met 'prestatie validate'. Tekst na een # is uitleg en mag blijven staan.", ""),
        (f"id: {afspraak.id}", "gelijk aan de bestandsnaam; niet wijzigen"),
    ]
    if afspraak.nummer is not None:
        rows.append((f"nummer: {text_scalar(afspraak.nummer)}", "paragraaf in het getekende document"))
    else:
        rows.append(
            ('# nummer: "2.1"', "optioneel: paragraaf in het getekende document, tussen aanhalingstekens")
        )
    rows += [
        (f"titel: {text_scalar(afspraak.titel)}", "de titel zoals die in rapportages verschijnt"),
    ]
    if afspraak.overeenkomst is not None:
        rows.append(
            (f"overeenkomst: {afspraak.overeenkomst}", "id van een overeenkomst uit data/overeenkomsten/")
        )
    rows += [
        (f"thema: {afspraak.thema}", f"id van een thema uit data/themas.yaml ({afspraak.thema_naam})"),
        ("# omschrijving: >", "optioneel: vrije tekst (Markdown mag); haal de # weg"),
        ("#   Wat de partijen afspreken, in een paar zinnen.", ""),
        (f"trekker: {afspraak.trekker}", "id van de partij die de afspraak trekt (data/regio.yaml)"),
        (f"partijen: [{afspraak.trekker}]", "ids van alle partijen die de afspraak maken"),
        ("gemeenten: alle", "'alle' of een lijst gemeente-ids, bijvoorbeeld [kerkrade, heerlen]"),
        (f"periode: {{van: {afspraak.van}, tot: {afspraak.tot}}}", "eerste en laatste jaar"),
        ("status: lopend", " | ".join(AFSPRAAK_STATUSSEN)),
        ("# doelen:", "optioneel: meetbare doelen; een kwalitatieve afspraak heeft er geen"),
    ]
    examples = afspraak.indicatoren or [("id-van-een-indicator", "")]
    indicator, eenheid = examples[0]
    rows += [
        (
            f"#   - indicator: {indicator}",
            f"eenheid: {eenheid}" if eenheid else "een id uit data/themas.yaml",
        ),
        ("#     streefwaarde: 100", "over de hele periode"),
        (
            f"#     jaarschijven: {{{afspraak.van}: 50, {afspraak.tot}: 50}}",
            "optioneel: per jaar, samen de streefwaarde",
        ),
        ("#     per_gemeente: {kerkrade: 40}", "optioneel: lokale doelen per gemeente-id"),
    ]
    if len(afspraak.indicatoren) > 1:
        others = ", ".join(ident for ident, _ in afspraak.indicatoren[1:])
        rows.append((f"# Andere indicatoren van dit thema: {others}", ""))
    rows.append(("# bron: Regionale Prestatieafspraken, § 2.1", "optioneel: waar de afspraak staat"))
    return "\n".join(_aligned(rows)) + "\n"
