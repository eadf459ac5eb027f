"""What every QA check is made of: the unit it looks at, its id, severity and documentation."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..model import Glossary, Language, Severity
from ..terms.match import TermForms


@dataclass(frozen=True)
class Unit:
    """One catalog entry as the checks see it."""

    source: str
    target: str
    language: Language
    glossary: Glossary
    forms: TermForms = field(default_factory=TermForms, compare=False, repr=False)
    """Finds glossary forms (holds the Russian dictionary): share one across a catalog."""


CheckFunction = Callable[[Unit], Iterable[str]]


@dataclass(frozen=True)
class Check:
    """A named QA check: ``func`` yields one message per problem it finds."""

    id: str
    severity: Severity
    func: CheckFunction

    @property
    def doc(self) -> str:
        """The first line of the check's docstring: its user documentation."""
        return (self.func.__doc__ or "").strip().splitlines()[0]

    @property
    def description(self) -> str:
        """Same as ``doc`` (the name the CLI uses)."""
        return self.doc

    def __call__(self, unit: Unit) -> list[str]:
        return list(self.func(unit))


def check(check_id: str, severity: Severity) -> Callable[[CheckFunction], Check]:
    """Decorator turning a generator of messages into a ``Check``."""

    def wrap(func: CheckFunction) -> Check:
        return Check(check_id, severity, func)

    return wrap
