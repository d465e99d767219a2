"""The layers run one way: no module of termcheck imports one that imports it back (issue 22)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "termcheck"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports() -> dict[str, set[str]]:
    """Module → the termcheck modules it imports anywhere in its text: at the top, inside functions (lazy
    imports) and under TYPE_CHECKING alike, since each is a dependency a reader of the code has to follow."""
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                # `from termcheck.writers.xlsx import styles` depends on the submodule, not on the package
                targets = [
                    f"{node.module}.{alias.name}" if f"{node.module}.{alias.name}" in modules else node.module
                    for alias in node.names
                ]
            found.update(t for t in targets if t in modules and t != name)
        graph[name] = found
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[node] = 2
        return []

    for start in sorted(graph):
        if start not in state and (found := visit(start)):
            return found
    return []


def test_engine_scoring_and_parallel_do_not_import_each_other_back() -> None:
    graph = _imports()
    for upper, lower in [
        ("termcheck.run.engine", "termcheck.scoring.run"),
        ("termcheck.run.engine", "termcheck.run.parallel"),
    ]:
        assert not (upper in graph[lower] and lower in graph[upper]), f"{upper} and {lower} import each other"


def test_no_import_cycles() -> None:
    """The top-level package is the public facade (it re-exports the API) and is left out."""
    graph = {name: deps - {"termcheck"} for name, deps in _imports().items() if name != "termcheck"}
    assert _cycle(graph) == []
