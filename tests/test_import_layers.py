"""The layers run one way: import-linter's layers contract (pyproject.toml, [tool.importlinter]; the layers are
drawn in docs/architecture.md), and no module of termcheck imports one that imports it back."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

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


def test_the_layers_contract_holds() -> None:
    """An import from a lower layer to a higher one (checks → fixes, writers → review) fails here, with the
    chain of imports that breaks the contract in the message."""
    importlinter_cli = pytest.importorskip("importlinter.cli")
    root = PACKAGE.parent
    config = str(root / "pyproject.toml")
    code = (
        "import sys; from importlinter.cli import lint_imports; "
        f"sys.exit(lint_imports(config_filename={config!r}, no_cache=True, no_logo=True))"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True)
    assert importlinter_cli is not None
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]


@pytest.mark.parametrize(
    ("module", "must_not_load"),
    [
        (
            "termcheck.writers.json_writer",
            ("termcheck.checks", "termcheck.matching", "termcheck.numbers", "spacy", "lxml"),
        ),
        ("termcheck.run.report", ("termcheck.checks.registry", "termcheck.run.engine", "spacy", "openpyxl")),
        ("termcheck", ("termcheck.api.files", "termcheck.checks", "spacy", "openpyxl", "lxml")),
    ],
)
def test_light_modules_load_no_heavy_ones(module: str, must_not_load: tuple[str, ...]) -> None:
    """Writing JSON from a Report (a CI step, a web service) does not load the checks and their parsers."""
    code = f"import sys, {module}; import json; print(json.dumps(sorted(sys.modules)))"
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=PACKAGE.parent
    )
    names = set(json.loads(loaded.stdout))
    assert not [m for m in names if any(m == bad or m.startswith(bad + ".") for bad in must_not_load)]


def test_the_architecture_page_lists_the_contract_s_layers() -> None:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib

    root = PACKAGE.parent
    layers = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]["contracts"]
    page = (root / "docs" / "architecture.md").read_text(encoding="utf-8")
    block = page.split("<!-- layers:", 1)[1].split("```", 2)[1].strip()
    assert block.splitlines() == layers[0]["layers"]


def test_the_package_root_holds_only_the_facade_and_subsystems() -> None:
    loose = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert loose == ["__init__.py", "__main__.py"]
