"""No import cycles inside the newsgraph package.

The rule. Every module under src/newsgraph is a node (a package is its
``__init__``). Module M has an edge to module T when an import statement
anywhere in M - at the top or inside a function, since a lazy import is how
a cycle hides - loads T:

- ``import newsgraph.a.b`` and ``from newsgraph.a import b`` (b a submodule)
  load ``newsgraph.a.b``; ``from newsgraph.a import name`` loads
  ``newsgraph.a``. Relative imports are resolved against M's package.
- Loading ``newsgraph.a.b`` runs package ``newsgraph.a``'s ``__init__``
  first, so the edge goes to every package above T as well - except the
  packages M itself is inside: Python ran their ``__init__`` before M, so
  M's import cannot start it again. That is why a package ``__init__``
  importing its own submodules, which import their siblings, is no cycle,
  while ``from newsgraph.a import name`` in a submodule of ``a`` (the
  ``__init__``'s own names) still is one.
- Imports under ``if TYPE_CHECKING:`` never run and are left out. Modules
  loaded by name at run time (``importlib.import_module`` in a plugin
  registry) are discovery, not imports, and are not followed either.

A cycle is a strongly connected component of more than one module. The
cycles known when this test was written are listed in ``KNOWN_CYCLES``
(printed on every run): any other cycle fails, and so does a listed one
that is gone, so the list only shrinks.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"

# Cycles allowed for now; each is the exact set of modules in the component.
KNOWN_CYCLES: list[frozenset[str]] = []


def module_names(root: Path, package: str) -> dict[str, Path]:
    """Every module of the package under root, by dotted name."""
    names = {}
    for path in sorted((root / package).rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names[".".join(parts)] = path
    return names


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    """Every import statement in the tree, except those under ``if TYPE_CHECKING:``."""
    found: list[ast.Import | ast.ImportFrom] = []
    todo = [tree]
    while todo:
        node = todo.pop()
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.append(node)
        if isinstance(node, ast.If) and _is_type_checking(node):
            todo.extend(node.orelse)
            continue
        todo.extend(ast.iter_child_nodes(node))
    return found


def _ancestors(name: str) -> list[str]:
    parts = name.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts))]


def import_graph(root: Path, package: str) -> dict[str, set[str]]:
    """Module -> the package's modules its import statements load (see the rule above)."""
    modules = module_names(root, package)
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        is_package = path.name == "__init__.py"
        inside = set(_ancestors(name)) | ({name} if is_package else set())
        targets: set[str] = set()
        for node in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
                continue
            if node.level:
                base = name if is_package else name.rpartition(".")[0]
                for _ in range(node.level - 1):
                    base = base.rpartition(".")[0]
                base = f"{base}.{node.module}" if node.module else base
            else:
                base = node.module or ""
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                targets.add(sub if sub in modules else base)
        edges = set()
        for target in targets & modules.keys():
            edges.add(target)
            edges.update(p for p in _ancestors(target) if p in modules and p not in inside)
        edges.discard(name)
        graph[name] = edges
    return graph


def cycles(graph: dict[str, set[str]]) -> list[frozenset[str]]:
    """The strongly connected components of more than one node (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[frozenset[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = set()
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.add(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(frozenset(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def _write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def test_the_rule_on_a_small_package(tmp_path):
    _write(
        tmp_path,
        {
            # an __init__ importing its submodules, which import each other one way: no cycle
            "pkg/__init__.py": "from pkg.a import A\nfrom . import b\n",
            "pkg/a.py": "from pkg import b\nA = 1\n",
            "pkg/b.py": "import os\n",
            # a lazy import closing a loop between siblings: a cycle
            "pkg/lazy1.py": "from pkg.lazy2 import f\n",
            "pkg/lazy2.py": "def f():\n    from .lazy1 import g\n",
            # importing pkg.sub.y runs pkg/sub/__init__, which imports back: a cycle
            "pkg/c.py": "import pkg.sub.y\nTHING = 1\n",
            "pkg/sub/__init__.py": "from pkg.sub import x\n",
            "pkg/sub/x.py": "from ..c import THING\n",
            "pkg/sub/y.py": "",
            # a submodule taking a name from its own package's __init__: a cycle
            "pkg/own/__init__.py": "from pkg.own.m import M\nNAME = 1\n",
            "pkg/own/m.py": "from pkg.own import NAME\nM = 1\n",
            # never run: not an edge
            "pkg/typed.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import pkg.t2\n",
            "pkg/t2.py": "import pkg.typed\n",
        },
    )
    graph = import_graph(tmp_path, "pkg")
    assert graph["pkg"] == {"pkg.a", "pkg.b"}
    assert graph["pkg.a"] == {"pkg.b"}
    assert graph["pkg.c"] == {"pkg.sub", "pkg.sub.y"}
    assert set(cycles(graph)) == {
        frozenset({"pkg.lazy1", "pkg.lazy2"}),
        frozenset({"pkg.c", "pkg.sub", "pkg.sub.x"}),
        frozenset({"pkg.own", "pkg.own.m"}),
    }


def test_no_import_cycles_in_newsgraph():
    graph = import_graph(SRC, "newsgraph")
    assert "newsgraph.read.registry" in graph and "newsgraph.corpus.runner" in graph
    found = cycles(graph)
    for known in KNOWN_CYCLES:
        print("known import cycle, still to break:", " <-> ".join(sorted(known)))
    new = [sorted(c) for c in found if c not in KNOWN_CYCLES]
    gone = [sorted(c) for c in KNOWN_CYCLES if c not in found]
    assert not new, f"import cycles: {new}"
    assert not gone, f"cycles no longer there, drop them from KNOWN_CYCLES: {gone}"
