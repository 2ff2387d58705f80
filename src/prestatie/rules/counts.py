"""Amounts in a unit that counts whole things (units.py) are whole numbers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from prestatie.dataset import DataSet, Loaded
from prestatie.findings import Finding
from prestatie.rules.helpers import finding_at, number
from prestatie.rules.registry import rule
from prestatie.units import is_countable
from prestatie.yamlread import YamlPath


def _fraction(loaded: Loaded[Any], path: YamlPath, value: float, eenheid: str, what: str) -> Finding:
    return finding_at(
        loaded,
        path,
        "PA215",
        f"{what} is {number(value)} {eenheid}, maar {eenheid} telt u in hele aantallen. "
        f"Schrijf een heel getal, bijvoorbeeld {number(round(value))} (een punt is in YAML "
        "het decimaalteken, geen duizendtalscheiding).",
    )


@rule("PA215")
def whole_counts(dataset: DataSet, peildatum: dt.date) -> Iterator[Finding]:
    """Streefwaarde, jaarschijven, per_gemeente and bijdragen in a countable unit."""

    # The eenheid of each indicator that counts whole things, looked up once per run.
    units = {
        ident: indicator.eenheid
        for ident, (indicator, _) in dataset.indicatoren.items()
        if is_countable(indicator.eenheid)
    }
    countable = units.get

    for loaded in dataset.afspraken:
        for i, doel in enumerate(loaded.model.doelen):
            eenheid = countable(doel.indicator)
            if eenheid is None:
                continue
            amounts: list[tuple[YamlPath, float, str]] = [
                (("doelen", i, "streefwaarde"), doel.streefwaarde, "De streefwaarde"),
                *(
                    (("doelen", i, "jaarschijven", year), amount, f"De jaarschijf {year}")
                    for year, amount in (doel.jaarschijven or {}).items()
                ),
                *(
                    (("doelen", i, "per_gemeente", gemeente), amount, f"Het doel voor {gemeente}")
                    for gemeente, amount in (doel.per_gemeente or {}).items()
                ),
            ]
            for path, amount, what in amounts:
                if not float(amount).is_integer():
                    yield _fraction(loaded, path, amount, eenheid, what)
    for project_file in dataset.projecten:
        for indicator, amount in project_file.model.bijdragen.items():
            if float(amount).is_integer():
                continue
            eenheid = countable(indicator)
            if eenheid is not None:
                path = ("bijdragen", indicator)
                yield _fraction(project_file, path, amount, eenheid, f"De bijdrage aan '{indicator}'")
