"""The rules of DESIGN.md that span files: ids, references, scope, dates, targets.

Each rule is a function that takes the data set and the peildatum and yields
findings located at the key or value concerned. Rules only see files that passed
their schema; a reference to a file that exists but failed its schema
(``DataSet.broken``) is not reported again, and when regio.yaml or themas.yaml is
missing or broken, the references into it are not checked at all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from prestatie.codes import severity_of
from prestatie.dataset import DataSet, Loaded
from prestatie.findings import Finding
from prestatie.models import Afspraak, Project
from prestatie.projectstate import STALE_MONTHS, is_stale, is_vertraagd, last_voortgang
from prestatie.suggest import did_you_mean
from prestatie.yamlread import YamlPath

Rule = Callable[[DataSet, dt.date], Iterator[Finding]]

# Jaarschijven may be fractions; sums within this margin count as equal.
_TOLERANCE = 1e-6


def finding_at(loaded: Loaded[Any], path: YamlPath, code: str, message: str, *, key: bool = False) -> Finding:
    line, column = loaded.document.locate(path, key=key)
    return Finding(loaded.file, line, column, code, severity_of(code), message)


def _where(loaded: Loaded[Any], path: YamlPath, *, key: bool = False) -> str:
    line, _ = loaded.document.locate(path, key=key)
    return f"{loaded.file} regel {line}"


def _suggestion(word: str, options: Iterable[str]) -> str:
    hint = did_you_mean(word, options)
    return f" Bedoelde u '{hint}'?" if hint and hint != word else ""


def _number(value: float) -> str:
    """A number as an advisor writes it: 400, not 400.0; a decimal comma is not YAML."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


# Ids -----------------------------------------------------------------------------


def _ids_match_file_names(dataset: DataSet, peildatum: dt.date) -> Iterator[Finding]:
    files: list[Loaded[Afspraak] | Loaded[Project]] = [*dataset.afspraken, *dataset.projecten]
    for loaded in files:
        if loaded.model.id != loaded.stem:
            yield finding_at(
                loaded,
                ("id",),
                "PA201",
                f"De id '{loaded.model.id}' is anders dan de bestandsnaam '{loaded.stem}.yaml'. "
                f"Maak ze gelijk: hernoem het bestand naar {loaded.model.id}.yaml of zet "
                f"id: {loaded.stem}.",
            )


def _duplicates(entries: Iterable[tuple[str, Loaded[Any], YamlPath]], what: str) -> Iterator[Finding]:
    """PA202 for every entry whose id an earlier entry has already."""
    first: dict[str, tuple[Loaded[Any], YamlPath]] = {}
    for ident, loaded, path in entries:
        if ident not in first:
            first[ident] = (loaded, path)
            continue
        other, other_path = first[ident]
        yield finding_at(
            loaded,
            path,
            "PA202",
            f"De id '{ident}' komt twee keer voor: {what} met deze id staat ook in "
            f"{_where(other, other_path)}. Ids moeten uniek zijn: geef een van beide een andere id.",
        )


def _unique_ids(dataset: DataSet, peildatum: dt.date) -> Iterator[Finding]:
    yield from _duplicates(((a.model.id, a, ("id",)) for a in dataset.afspraken), "een afspraak")
    yield from _duplicates(((p.model.id, p, ("id",)) for p in dataset.projecten), "een project")
    if dataset.regio is not None:
        regio = dataset.regio
        lists: list[tuple[str, list[Any]]] = [
            ("gemeenten", list(regio.model.gemeenten)),
            ("corporaties", regio.model.corporaties),
            ("huurdersorganisaties", regio.model.huurdersorganisaties),
            ("overige_partijen", regio.model.overige_partijen),
        ]
        yield from _duplicates(
            (
                (partij.id, regio, (name, index, "id"))
                for name, partijen in lists
                for index, partij in enumerate(partijen)
            ),
            "een partij (gemeenten, corporaties, huurdersorganisaties en overige partijen "
            "delen één reeks ids)",
        )
    if dataset.themas is not None:
        themas = dataset.themas
        yield from _duplicates(
            ((t.id, themas, (i, "id")) for i, t in enumerate(themas.model.root)), "een thema"
        )
        yield from _duplicates(
            (
                (indicator.id, themas, (i, "indicatoren", j, "id"))
                for i, thema in enumerate(themas.model.root)
                for j, indicator in enumerate(thema.indicatoren)
            ),
            "een indicator (ook bij een ander thema)",
        )


# References ------------------------------------------------------------------------


class _References:
    """Checks one reference against the ids that exist, or says nothing when it cannot know."""

    def __init__(self, dataset: DataSet) -> None:
        self.dataset = dataset
        self.has_regio = dataset.regio is not None
        self.has_themas = dataset.themas is not None
        self.broken_afspraken = dataset.broken.get("afspraak", set())

    def unknown(
        self, loaded: Loaded[Any], path: YamlPath, ident: str, kind: str, *, key: bool = False
    ) -> Finding | None:
        """PA203 when ``ident`` (a reference to a ``kind``) does not exist."""
        dataset = self.dataset
        options: Iterable[str]
        if kind in ("gemeente", "partij"):
            if not self.has_regio:
                return None
            options = dataset.gemeenten if kind == "gemeente" else dataset.partijen
            where = "data/regio.yaml"
        elif kind in ("thema", "indicator"):
            if not self.has_themas:
                return None
            options = dataset.themas_by_id if kind == "thema" else dataset.indicatoren
            where = "data/themas.yaml"
        else:
            if ident in self.broken_afspraken:
                return None
            options = dataset.afspraken_by_id
            where = "data/afspraken/"
        if ident in options:
            return None
        hint = _suggestion(ident, options)
        if kind == "partij" and not hint:
            # Someone wrote the name ("HEEMwonen") instead of the id ("heemwonen")?
            by_name = {p.naam: p.id for p in dataset.partijen.values()}
            name = did_you_mean(ident, by_name)
            hint = f" Bedoelde u '{by_name[name]}'?" if name else ""
        return finding_at(
            loaded,
            path,
            "PA203",
            f"Er bestaat geen {kind} met de id '{ident}'.{hint} "
            f"Gebruik een id die in {where} staat (let op: de id, niet de naam).",
            key=key,
        )


def _unknown_references(dataset: DataSet, peildatum: dt.date) -> Iterator[Finding]:
    refs = _References(dataset)
    found: list[Finding | None] = []
    for loaded in dataset.afspraken:
        a = loaded.model
        found.append(refs.unknown(loaded, ("thema",), a.thema, "thema"))
        found.append(refs.unknown(loaded, ("trekker",), a.trekker, "partij"))
        found.extend(refs.unknown(loaded, ("partijen", i), p, "partij") for i, p in enumerate(a.partijen))
        if a.gemeenten != "alle":
            found.extend(
                refs.unknown(loaded, ("gemeenten", i), g, "gemeente") for i, g in enumerate(a.gemeenten)
            )
        for i, doel in enumerate(a.doelen):
            found.append(refs.unknown(loaded, ("doelen", i, "indicator"), doel.indicator, "indicator"))
            for gemeente in doel.per_gemeente or {}:
                path = ("doelen", i, "per_gemeente", gemeente)
                found.append(refs.unknown(loaded, path, gemeente, "gemeente", key=True))
    for project_file in dataset.projecten:
        p = project_file.model
        found.append(refs.unknown(project_file, ("gemeente",), p.gemeente, "gemeente"))
        found.append(refs.unknown(project_file, ("trekker",), p.trekker, "partij"))
        found.extend(
            refs.unknown(project_file, ("partijen", i), q, "partij") for i, q in enumerate(p.partijen)
        )
        found.extend(
            refs.unknown(project_file, ("afspraken", i), a, "afspraak") for i, a in enumerate(p.afspraken)
        )
        found.extend(
            refs.unknown(project_file, ("bijdragen", ind), ind, "indicator", key=True) for ind in p.bijdragen
        )
    yield from (f for f in found if f is not None)


# Projects: place and scope ---------------------------------------------------------


def _folder_is_gemeente(dataset: DataSet, peildatum: dt.date) -> Iterator[Finding]:
    for loaded in dataset.projecten:
        gemeente = loaded.model.gemeente
        if loaded.folder == gemeente:
            continue
        if dataset.regio is not None and gemeente not in dataset.gemeenten:
            continue  # an unknown gemeente is reported as such (PA203)
        yield finding_at(
            loaded,
            ("gemeente",),
            "PA204",
            f"Dit project staat in de map '{loaded.folder}', maar hoort bij gemeente '{gemeente}'. "
            f"Verplaats het bestand naar data/projecten/{gemeente}/ of corrigeer de gemeente.",
        )


def _gemeente_in_scope(dataset: DataSet, peildatum: dt.date) -> Iterator[Finding]:
    for loaded in dataset.projecten:
        project = loaded.model
        if dataset.regio is not None and project.gemeente not in dataset.gemeenten:
            continue
        for index, afspraak_id in enumerate(project.afspraken):
            target = dataset.afspraken_by_id.get(afspraak_id)
            if target is None or target.model.gemeenten == "alle":
                continue
            if project.gemeente not in target.model.gemeenten:
                scope = ", ".join(target.model.gemeenten) or "(geen)"
                yield finding_at(
                    loaded,
                    ("afspraken", index),
                    "PA205",
                    f"De afspraak '{afspraak_id}' geldt alleen voor de gemeenten {scope}, niet "
                    f"voor '{project.gemeente}'. Koppel het project aan een andere afspraak, of "
                    f"voeg {project.gemeente} toe aan 'gemeenten' in {target.file}.",
                )


# Projects: dates ---------------------------------------------------------------------


def _project_dates(dataset: DataSet, peildatum: dt.date) -> Iterator[Finding]:
    for loaded in dataset.projecten:
        project = loaded.model
        planning = project.planning
        if planning is not None and planning.start is not None and planning.start > planning.oplevering:
            yield finding_at(
                loaded,
                ("planning", "start"),
                "PA206",
                f"De geplande start ({planning.start.isoformat()}) ligt na de geplande oplevering "
                f"({planning.oplevering.isoformat()}). Controleer beide datums; misschien zijn ze "
                "omgewisseld.",
            )
        if project.status == "opgeleverd" and project.opgeleverd is None:
            yield finding_at(
                loaded,
                ("status",),
                "PA207",
                "Dit project heeft de status opgeleverd, maar geen opleverdatum. Voeg "
                "'opgeleverd: JJJJ-MM-DD' toe met de datum van oplevering.",
            )
        if project.opgeleverd is not None:
            if project.status != "opgeleverd":
                yield finding_at(
                    loaded,
                    ("opgeleverd",),
                    "PA209",
                    f"Dit project heeft de status '{project.status}' maar wel een opleverdatum. "
                    "Zet de status op opgeleverd, of verwijder de regel 'opgeleverd' (of zet "
                    "opgeleverd: null).",
                )
            elif project.opgeleverd > peildatum:
                yield finding_at(
                    loaded,
                    ("opgeleverd",),
                    "PA208",
                    f"De opleverdatum {project.opgeleverd.isoformat()} ligt na de peildatum "
                    f"{peildatum.isoformat()}: een project kan niet in de toekomst zijn opgeleverd. "
                    "Zet de werkelijke datum, of geef het project nog de status uitvoering met "
                    "de verwachte datum in planning.oplevering.",
                )


# Afspraken: periods and targets ------------------------------------------------------


def _periods(dataset: DataSet, peildatum: dt.date) -> Iterator[Finding]:
    regio_years: tuple[int, int] | None = None
    if dataset.regio is not None:
        periode = dataset.regio.model.periode
        if periode.van > periode.tot:
            yield finding_at(
                dataset.regio,
                ("periode", "van"),
                "PA214",
                f"De periode begint ({periode.van.isoformat()}) na het einde "
                f"({periode.tot.isoformat()}). Controleer 'van' en 'tot'.",
            )
        else:
            regio_years = (periode.van.year, periode.tot.year)
    for loaded in dataset.afspraken:
        periode_jaren = loaded.model.periode
        if periode_jaren.van > periode_jaren.tot:
            yield finding_at(
                loaded,
                ("periode", "van"),
                "PA214",
                f"De periode begint in {periode_jaren.van} maar eindigt in {periode_jaren.tot}. "
                "Controleer 'van' en 'tot': 'van' is het eerste jaar, 'tot' het laatste.",
            )
        elif regio_years is not None and (
            periode_jaren.van < regio_years[0] or periode_jaren.tot > regio_years[1]
        ):
            yield finding_at(
                loaded,
                ("periode",),
                "PA214",
                f"De periode {periode_jaren.van}–{periode_jaren.tot} valt buiten de looptijd van de "
                f"prestatieafspraken ({regio_years[0]}–{regio_years[1]}, zie data/regio.yaml). "
                "Pas de periode van de afspraak aan.",
            )


def _targets(dataset: DataSet, peildatum: dt.date) -> Iterator[Finding]:
    for loaded in dataset.afspraken:
        afspraak = loaded.model
        periode = afspraak.periode
        scope = set(dataset.afspraak_gemeenten(afspraak))
        for i, doel in enumerate(afspraak.doelen):
            if doel.jaarschijven:
                total = sum(doel.jaarschijven.values())
                if abs(total - doel.streefwaarde) > _TOLERANCE * max(1.0, abs(doel.streefwaarde)):
                    yield finding_at(
                        loaded,
                        ("doelen", i, "jaarschijven"),
                        "PA210",
                        f"De jaarschijven tellen op tot {_number(total)}, maar de streefwaarde is "
                        f"{_number(doel.streefwaarde)}. Pas de jaarschijven of de streefwaarde aan "
                        "zodat ze gelijk zijn.",
                    )
                for year in doel.jaarschijven:
                    if periode.van <= periode.tot and not periode.van <= year <= periode.tot:
                        yield finding_at(
                            loaded,
                            ("doelen", i, "jaarschijven", year),
                            "PA211",
                            f"Het jaar {year} valt buiten de periode van de afspraak "
                            f"({periode.van}–{periode.tot}). Verwijder deze jaarschijf of pas de "
                            "periode aan.",
                            key=True,
                        )
            if doel.per_gemeente and afspraak.gemeenten != "alle":
                for gemeente in doel.per_gemeente:
                    if gemeente in dataset.gemeenten and gemeente not in scope:
                        yield finding_at(
                            loaded,
                            ("doelen", i, "per_gemeente", gemeente),
                            "PA212",
                            f"Gemeente '{gemeente}' heeft hier een doel, maar de afspraak geldt "
                            f"alleen voor {', '.join(afspraak.gemeenten)}. Voeg {gemeente} toe aan "
                            "'gemeenten' of verwijder deze regel.",
                            key=True,
                        )


# Warnings ------------------------------------------------------------------------------


def _delayed(dataset: DataSet, peildatum: dt.date) -> Iterator[Finding]:
    for loaded in dataset.projecten:
        project = loaded.model
        planning = project.planning
        if planning is not None and is_vertraagd(project, peildatum):
            yield finding_at(
                loaded,
                ("planning", "oplevering"),
                "PA301",
                f"De geplande oplevering ({planning.oplevering.isoformat()}) ligt voor de "
                f"peildatum {peildatum.isoformat()}, maar de status is '{project.status}'. Is het "
                "project opgeleverd, zet dan status: opgeleverd met de datum; anders een nieuwe "
                "geplande oplevering en een regel in de voortgang.",
            )


def _stale_voortgang(dataset: DataSet, peildatum: dt.date) -> Iterator[Finding]:
    for loaded in dataset.projecten:
        project = loaded.model
        if not is_stale(project, peildatum):
            continue
        newest = last_voortgang(project, peildatum)
        if newest is None:
            yield finding_at(
                loaded,
                ("status",),
                "PA302",
                f"Dit project heeft de status '{project.status}' maar geen voortgang. Voeg onder "
                "'voortgang:' een regel toe met datum en toelichting.",
            )
            continue
        # The entry that holds that date (the last one, when several do).
        index = max(i for i, entry in enumerate(project.voortgang) if entry.datum == newest)
        yield finding_at(
            loaded,
            ("voortgang", index, "datum"),
            "PA302",
            f"De laatste voortgang is van {newest.isoformat()}, meer dan "
            f"{STALE_MONTHS} maanden voor de peildatum {peildatum.isoformat()}. Voeg een "
            "regel toe onder 'voortgang:' met de stand van nu.",
        )


def _bijdrage_without_doel(dataset: DataSet, peildatum: dt.date) -> Iterator[Finding]:
    if dataset.themas is None:
        return
    for loaded in dataset.projecten:
        project = loaded.model
        if not project.bijdragen:
            continue
        targets = [dataset.afspraken_by_id.get(a) for a in project.afspraken]
        if any(t is None for t in targets):
            continue  # an unknown or broken afspraak: reported elsewhere, cannot know
        doelen = {d.indicator for t in targets if t is not None for d in t.model.doelen}
        for indicator in project.bijdragen:
            if indicator in doelen or indicator not in dataset.indicatoren:
                continue
            linked = ", ".join(project.afspraken) or "(geen)"
            yield finding_at(
                loaded,
                ("bijdragen", indicator),
                "PA303",
                f"Dit project draagt bij aan '{indicator}', maar geen van zijn afspraken ({linked}) "
                "heeft een doel voor die indicator, dus de bijdrage telt nergens mee. Koppel het "
                "project aan een afspraak met dat doel, of verwijder de bijdrage.",
                key=True,
            )


def _afspraak_without_projects(dataset: DataSet, peildatum: dt.date) -> Iterator[Finding]:
    if dataset.broken.get("project"):
        return  # a project that failed its schema may well link to the afspraak
    linked = {a for p in dataset.projecten for a in p.model.afspraken}
    for loaded in dataset.afspraken:
        afspraak = loaded.model
        if not afspraak.doelen or afspraak.status == "vervallen" or afspraak.id in linked:
            continue
        yield finding_at(
            loaded,
            ("doelen",),
            "PA304",
            f"De afspraak '{afspraak.id}' heeft doelen, maar geen enkel project verwijst ernaar, "
            "dus de voortgang blijft nul. Zet de id onder 'afspraken:' in de projecten die eraan "
            "bijdragen.",
            key=True,
        )


def _trekker_among_partijen(dataset: DataSet, peildatum: dt.date) -> Iterator[Finding]:
    files: list[Loaded[Afspraak] | Loaded[Project]] = [*dataset.afspraken, *dataset.projecten]
    for loaded in files:
        model = loaded.model
        if dataset.regio is not None and model.trekker not in dataset.partijen:
            continue  # unknown: PA203
        if model.trekker not in model.partijen:
            yield finding_at(
                loaded,
                ("trekker",),
                "PA305",
                f"De trekker '{model.trekker}' staat niet bij de partijen. Voeg {model.trekker} "
                "toe aan 'partijen'.",
            )


RULES: list[Rule] = [
    _ids_match_file_names,
    _unique_ids,
    _unknown_references,
    _folder_is_gemeente,
    _gemeente_in_scope,
    _project_dates,
    _periods,
    _targets,
    _delayed,
    _stale_voortgang,
    _bijdrage_without_doel,
    _afspraak_without_projects,
    _trekker_among_partijen,
]


def check_rules(dataset: DataSet, *, peildatum: dt.date) -> list[Finding]:
    findings: list[Finding] = []
    for rule in RULES:
        findings.extend(rule(dataset, peildatum))
    return findings
