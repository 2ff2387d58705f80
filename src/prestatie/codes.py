"""The catalogue of finding codes: stable, documented in docs/meldingen.md.

PA0xx: reading the file (encoding, YAML syntax, the YAML dialect).
PA1xx: one file against its schema.
PA2xx: rules across files (errors).
PA3xx: rules across files (warnings).

Every module that raises a code declares it: a reader module with
``RAISES = raised_here(...)`` at its top, a rule with ``@rule(...)``
(``prestatie.rules.registry``). tests/test_codes.py checks the declarations against
the code literals in each module, this catalogue and docs/meldingen.md.
"""

from __future__ import annotations

from dataclasses import dataclass

from prestatie.findings import Severity


@dataclass(frozen=True, slots=True)
class Code:
    code: str
    severity: Severity
    title: str
    # False for findings about bytes that must not be shown beside the message
    # (binary, invisible, or not read at all).
    echo: bool = True


_E = Severity.ERROR
_W = Severity.WARNING

CODES: dict[str, Code] = {
    c.code: c
    for c in [
        # Reading and the YAML dialect
        Code("PA001", _E, "Bestand is geen geldige UTF-8", echo=False),
        Code("PA002", _E, "YAML-syntaxfout"),
        Code("PA003", _E, "Dubbele sleutel"),
        Code("PA004", _E, "Anchor of alias gebruikt"),
        Code("PA005", _E, "Expliciete YAML-tag gebruikt"),
        Code("PA006", _E, "Meer dan één YAML-document"),
        Code("PA007", _E, "Bestand is leeg"),
        Code("PA008", _E, "Verkeerde vorm op het hoogste niveau"),
        Code("PA009", _E, "Sleutel is geen tekst"),
        Code("PA010", _E, "Ongeldige datum"),
        Code("PA011", _E, "Getal te groot"),
        Code("PA012", _E, "Ongeldig of onzichtbaar teken", echo=False),
        Code("PA013", _E, "Te diep genest"),
        Code("PA014", _E, "Bestand te groot", echo=False),
        Code("PA015", _E, "Bestand buiten de datamap of geen gewoon bestand", echo=False),
        Code("PA016", _E, "Onopgeloste merge-conflictmarkering"),
        Code("PA017", _E, "Dubbelzinnige waarde (YAML 1.1)"),
        Code("PA018", _E, "Getal met duizendtalscheiding"),
        Code("PA019", _E, "Gekrulde aanhalingstekens"),
        Code("PA020", _W, "Te veel meldingen in één bestand"),
        Code("PA021", _E, "Getal in e-notatie"),
        # One file against its schema
        Code("PA101", _E, "Onbekend veld"),
        Code("PA102", _E, "Verplicht veld ontbreekt"),
        Code("PA103", _E, "Verkeerd soort waarde"),
        Code("PA104", _E, "Waarde niet toegestaan"),
        Code("PA105", _E, "Ongeldige id"),
        Code("PA106", _E, "Negatief getal"),
        Code("PA107", _E, "Tekst verwacht: zet de waarde tussen aanhalingstekens"),
        Code("PA108", _E, "Ongeldige waarde"),
        # Rules across files: errors
        Code("PA201", _E, "Id komt niet overeen met de bestandsnaam"),
        Code("PA202", _E, "Dubbele id"),
        Code("PA203", _E, "Onbekende verwijzing"),
        Code("PA204", _E, "Projectmap komt niet overeen met de gemeente"),
        Code("PA205", _E, "Gemeente valt buiten de afspraak"),
        Code("PA206", _E, "Planning: start na oplevering"),
        Code("PA207", _E, "Opgeleverd project zonder opleverdatum"),
        Code("PA208", _E, "Opleverdatum in de toekomst"),
        Code("PA209", _E, "Opleverdatum bij een project dat niet is opgeleverd"),
        Code("PA210", _E, "Jaarschijven tellen niet op tot de streefwaarde"),
        Code("PA211", _E, "Jaarschijf buiten de periode"),
        Code("PA212", _E, "Gemeente in per_gemeente valt buiten de afspraak"),
        Code("PA213", _E, "Bestand past niet in de indeling van data/", echo=False),
        Code("PA214", _E, "Periode klopt niet"),
        Code("PA215", _E, "Geen heel aantal in een telbare eenheid"),
        # Version 2: overeenkomsten, target kinds, phases, metingen, composite indicators
        Code("PA220", _E, "Onbekende of ontbrekende overeenkomst"),
        Code("PA221", _E, "Kring in vervangt of onderdeel_van"),
        Code("PA222", _E, "Namens noemt geen gemeente"),
        Code("PA223", _E, "Document buiten de repository of niet gevonden"),
        Code("PA224", _E, "Document is veranderd: sha256 klopt niet"),
        Code("PA225", _E, "Soort doel klopt niet"),
        Code("PA226", _E, "Fasen leveren meer dan de bijdragen"),
        Code("PA227", _E, "Fase in de toekomst of na de oplevering"),
        Code("PA228", _E, "Meting is geen stand en geen stroom"),
        Code("PA229", _E, "Meting voor gemeente én corporatie"),
        # The annual Woningwet cycle: errors
        Code("PA230", _E, "Jaarcyclus: datums in de verkeerde volgorde"),
        Code("PA231", _E, "Jaarcyclus: datum buiten het jaar van de cyclus"),
        Code("PA232", _E, "Jaarcyclus: jaar komt niet overeen met de bestandsnaam"),
        Code("PA233", _E, "Jaarcyclus: twee trajecten voor één gemeente en corporatie"),
        # Version 2: metingen and composite indicators
        Code("PA234", _E, "Dubbele meting"),
        Code("PA235", _E, "Meting in de toekomst"),
        Code("PA236", _E, "Samengestelde indicator klopt niet"),
        Code("PA237", _E, "Samengestelde indicator krijgt bijdragen of metingen"),
        # Rules across files: warnings
        Code("PA301", _W, "Project is vertraagd"),
        Code("PA302", _W, "Geen voortgang in de laatste zes maanden"),
        Code("PA303", _W, "Bijdrage aan een indicator zonder doel"),
        Code("PA304", _W, "Afspraak met doelen heeft geen projecten"),
        Code("PA305", _W, "Trekker staat niet bij de partijen"),
        Code("PA306", _W, "Tekst na ' #' valt weg als commentaar"),
        Code("PA307", _W, "Voortgang niet op datumvolgorde"),
        Code("PA308", _W, "Voortgang in de toekomst"),
        # Version 2 warnings
        Code("PA310", _W, "Afspraak loopt nog na de overeenkomst"),
        Code("PA311", _W, "Overeenkomst is niet ondertekend"),
        Code("PA312", _W, "Opgegane partij trekt een lopend project"),
        Code("PA313", _W, "Achter zonder recente verantwoording"),
        Code("PA314", _W, "Stand zonder recente meting"),
        # The annual Woningwet cycle: warnings at the peildatum
        Code("PA330", _W, "Jaarcyclus: geen bod na de bodtermijn"),
        Code("PA331", _W, "Jaarcyclus: niet ondertekend na de afsprakentermijn"),
        Code("PA332", _W, "Jaarcyclus: geen evaluatie na de bodtermijn"),
        Code("PA333", _W, "Jaarcyclus: overleg langer dan zes maanden zonder afspraken"),
    ]
}


def severity_of(code: str) -> Severity:
    return CODES[code].severity


def raised_here(*codes: str) -> frozenset[str]:
    """The codes a module raises, each checked against the catalogue when it is imported."""
    unknown = [code for code in codes if code not in CODES]
    if unknown:
        raise KeyError(f"codes not in the catalogue: {', '.join(unknown)}")
    return frozenset(codes)
