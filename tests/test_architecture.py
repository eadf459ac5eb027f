"""The house rules of the package, read from the code itself with ``ast``.

Stages import only stages below them (imports inside functions count too), nothing
imports in a circle, polib stays at the PO edge, the engine libraries stay in ``mt``, and
the package stays small enough to read: at most 8 modules directly under ``l10n/``, none
over 400 lines.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "l10n"

LAYERS: tuple[frozenset[str], ...] = (
    frozenset({"errors", "model", "patterns", "languages"}),
    frozenset({"article"}),
    frozenset({"mt"}),
    frozenset({"terms"}),
    frozenset({"po"}),
    frozenset({"memory"}),
    frozenset({"checks"}),
    frozenset({"publish"}),
    frozenset({"project"}),
    frozenset({"pipeline", "review"}),
    frozenset({"cli"}),
    frozenset({"__main__"}),
)
"""Bottom to top: a unit may import its own folder and the units of lower layers. The base
layer's modules (shared facts and types) may import each other; ``mt`` is the bare engine,
``terms`` enforces the glossary around it."""
SIBLINGS_APART = frozenset({"pipeline", "review"})
"""The two API modules share a layer and must not import each other."""
ENGINE_LIBRARIES = ("argostranslate", "ctranslate2", "sentencepiece")


def module_name(path: Path) -> str:
    parts = ("l10n", *path.relative_to(PACKAGE).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def is_package(name: str) -> bool:
    return MODULES[name].name == "__init__.py"


def imports(name: str) -> Iterator[str]:
    """Every module ``name`` imports, anywhere in the file (inside functions too)."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    package = name if is_package(name) else name.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = node.module or ""
            yield target
            yield from (f"{target}.{a.name}" for a in node.names if f"{target}.{a.name}" in MODULES)


def unit(name: str) -> str:
    """The stage a module belongs to: ``l10n.po.io`` → ``po``, ``l10n.pipeline`` → ``pipeline``."""
    return name.split(".")[1] if "." in name else ""


def layer(of_unit: str) -> int:
    return next(i for i, units in enumerate(LAYERS) if of_unit in units)


def internal(name: str) -> list[str]:
    return sorted({m for m in imports(name) if m in MODULES and m != "l10n"})


STAGE_MODULES = sorted(m for m in MODULES if m != "l10n")


@pytest.mark.parametrize("name", STAGE_MODULES)
def test_imports_follow_the_flow(name: str) -> None:
    own = unit(name)
    for target in internal(name):
        other = unit(target)
        if other == own or layer(other) == layer(own) == 0:
            continue
        assert layer(other) < layer(own), f"{name} imports {target}: against the flow"
        assert {own, other} != SIBLINGS_APART, f"{name} imports {target}"


def test_no_import_cycles() -> None:
    graph = {name: internal(name) for name in MODULES}
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in graph[node]:
            if state.get(nxt) == 1:
                cycle = [*path[path.index(nxt) :], nxt] if nxt in path else [node, nxt]
                raise AssertionError("import cycle: " + " -> ".join(cycle))
            if nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = 2

    for name in graph:
        if name not in state:
            visit(name, [name])


def test_polib_only_at_the_po_edge() -> None:
    users = sorted(m for m in MODULES if any(i.split(".")[0] == "polib" for i in imports(m)))
    assert users == ["l10n.po.io"]


def test_engine_libraries_only_in_mt() -> None:
    for name in MODULES:
        heavy = [i for i in imports(name) if i.split(".")[0] in ENGINE_LIBRARIES]
        assert not heavy or unit(name) == "mt", f"{name} imports {heavy}"


def test_cli_imports_no_polib_or_engine() -> None:
    for name in MODULES:
        if unit(name) == "cli":
            banned = [i for i in imports(name) if i.split(".")[0] in ("polib", *ENGINE_LIBRARIES)]
            assert not banned, f"{name} imports {banned}"


def test_few_modules_at_the_top_and_none_too_long() -> None:
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top) <= 8, top
    long = {
        str(p.relative_to(PACKAGE)): n
        for p in PACKAGE.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert not long, long


def test_the_rules_see_real_imports() -> None:
    """The parser itself: a known import against the flow would be found."""
    assert "l10n.po.io" in internal("l10n.pipeline")
    assert "l10n.po.linebreak_fast" in internal("l10n.po.format")
    assert layer(unit("l10n.po.io")) < layer(unit("l10n.pipeline"))
