"""The packages' imports form layers: no circle between them, core knows no feature, and no
feature reaches up into the app that assembles them (api, admin, demo, the factory).

Every import counts, a lazy one inside a function too: it is a dependency all the same.
"""

import ast
from collections import defaultdict
from itertools import pairwise
from pathlib import Path

import cocreate

ROOT = Path(cocreate.__file__).parent
# The app on top: it may import every feature, and no feature imports it.
ON_TOP = {"api", "admin", "demo", "cli", "models", "permissions", "registrations", "site", ""}
# Below everything: set-up that every package shares.
FOUNDATION = {"extensions", "config"}


def _package(module: str) -> str | None:
    """The top-level part of a cocreate module ("" for the package itself)."""
    if module != "cocreate" and not module.startswith("cocreate."):
        return None
    return module.split(".")[1] if "." in module else ""


def _imports(path: Path) -> list[tuple[str, int]]:
    """Every cocreate module the file imports, with the line, wherever the import stands."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found += [(f"{node.module}.{alias.name}", node.lineno) for alias in node.names]
            found.append((node.module, node.lineno))
    return found


def package_imports() -> dict[str, dict[str, list[str]]]:
    """For each package, the packages it imports, each with the places that import it."""
    graph: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for path in ROOT.rglob("*.py"):
        relative = path.relative_to(ROOT)
        source = relative.parts[0] if len(relative.parts) > 1 else relative.stem
        if source == "__init__":
            source = ""
        for module, line in _imports(path):
            target = _package(module)
            if target is None or target == source or not (ROOT / target).is_dir():
                continue
            graph[source][target].append(f"{relative}:{line}")
    return graph


def _circles(graph) -> list[list[str]]:
    """Every circle among the packages, each once, found by walking the imports."""
    circles, seen = [], set()

    def walk(package, path):
        for target in sorted(graph.get(package, {})):
            if target in path:
                circle = path[path.index(target) :]
                key = frozenset(circle)
                if key not in seen:
                    seen.add(key)
                    circles.append([*circle, target])
            else:
                walk(target, [*path, target])

    for package in sorted(graph):
        walk(package, [package])
    return circles


def _features(graph) -> set[str]:
    packages = {p.name for p in ROOT.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    return packages - ON_TOP - FOUNDATION - {"core", "translations"}


def _explain(graph, circle) -> str:
    steps = pairwise(circle)
    return (
        " -> ".join(circle)
        + ": "
        + "; ".join(f"{a} -> {b} at {', '.join(graph[a][b][:3])}" for a, b in steps)
    )


def test_the_packages_import_each_other_in_no_circle():
    graph = package_imports()
    features = _features(graph)
    among = {p: {t: w for t, w in targets.items() if t in features} for p, targets in graph.items()}
    circles = _circles({p: among[p] for p in among if p in features})
    assert not circles, "\n".join(_explain(graph, circle) for circle in circles)


def test_core_imports_no_feature():
    graph = package_imports()
    assert dict(graph.get("core", {})) == {}


def test_no_feature_imports_the_app_on_top():
    graph = package_imports()
    reaching_up = {
        f"{feature} -> {target} at {places[0]}"
        for feature in _features(graph) | {"core"}
        for target, places in graph.get(feature, {}).items()
        if target in ON_TOP
    }
    assert not reaching_up, sorted(reaching_up)


def test_the_walk_sees_lazy_imports_and_finds_circles(tmp_path):
    """The checks above would fail on a circle, a lazy one inside a function included."""
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from cocreate.proposals import models\n")
    assert ("cocreate.proposals", 2) in _imports(module)
    graph = {"a": {"b": ["a.py:1"]}, "b": {"c": ["b.py:1"]}, "c": {"a": ["c.py:9"]}}
    assert _circles(graph) == [["a", "b", "c", "a"]]
