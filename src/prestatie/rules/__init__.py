"""The rules that span files (docs/gegevens.md, docs/meldingen.md): ids, references, scope, dates, targets.

Each rule is a function that takes the data set and the peildatum and yields
findings located at the key or value concerned; ``@rule("PA2xx", ...)`` (see
``registry``) registers it with the codes it can emit. Rules only see files that
passed their schema; a reference to a file that exists but failed its schema
(``DataSet.broken``) is not reported again, and when regio.yaml or themas.yaml is
missing or broken, the references into it are not checked at all.

One module per subject; a new module in this package is found and its rules run
without a change anywhere else. Shared helpers (``finding_at`` ...) are in ``helpers``.
"""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil

from prestatie.dataset import DataSet
from prestatie.findings import Finding
from prestatie.rules.registry import RULES, Rule, rule

for _module in sorted(info.name for info in pkgutil.iter_modules(__path__)):
    importlib.import_module(f"{__name__}.{_module}")


def check_rules(dataset: DataSet, *, peildatum: dt.date, errors_only: bool = False) -> list[Finding]:
    """Every registered rule's findings; with ``errors_only``, only of the rules that declare
    an error code (the others can only warn)."""
    findings: list[Finding] = []
    for registered in RULES:
        if not errors_only or registered.can_fail:
            findings.extend(registered.run(dataset, peildatum))
    return findings


__all__ = ["RULES", "Rule", "check_rules", "rule"]
