"""The registry of rules: each rule declares, where it is defined, the codes it can emit.

    @rule("PA206", "PA207")
    def project_dates(dataset: DataSet, peildatum: dt.date) -> Iterator[Finding]: ...

A rule is a function of the data set and the peildatum that yields findings. The
decorator registers it; ``check_rules`` (in the package) runs every registered rule
and refuses a finding whose code the rule did not declare, so the declaration stays
true. Each code must be in the catalogue (``codes.CODES``) when the rule is defined.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from prestatie.codes import raised_here, severity_of
from prestatie.dataset import DataSet
from prestatie.findings import Finding, Severity

RuleFunction = Callable[[DataSet, dt.date], Iterator[Finding]]


@dataclass(frozen=True, slots=True)
class Rule:
    """A registered rule and the codes it declared."""

    function: RuleFunction
    codes: frozenset[str]

    @property
    def can_fail(self) -> bool:
        """Whether the rule declares an error code (and not only warnings)."""
        return any(severity_of(code) is Severity.ERROR for code in self.codes)

    @property
    def name(self) -> str:
        return f"{self.function.__module__}.{self.function.__qualname__}"

    def run(self, dataset: DataSet, peildatum: dt.date) -> Iterator[Finding]:
        """The rule's findings; an undeclared code is a programming error."""
        for finding in self.function(dataset, peildatum):
            if finding.code not in self.codes:
                raise UndeclaredCode(
                    f"rule {self.name} yielded {finding.code}, which it does not declare "
                    f"(it declares {', '.join(sorted(self.codes))}): add it to its @rule(...)"
                )
            yield finding


class UndeclaredCode(AssertionError):
    """A rule yielded a code it did not declare in its ``@rule(...)``."""


RULES: list[Rule] = []


def rule(*codes: str) -> Callable[[RuleFunction], RuleFunction]:
    """Register the decorated function as a rule that can emit ``codes``."""
    if not codes:
        raise ValueError("a rule declares at least one code")
    declared = raised_here(*codes)

    def register(function: RuleFunction) -> RuleFunction:
        RULES.append(Rule(function, declared))
        return function

    return register
