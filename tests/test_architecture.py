"""Layer direction: services, selectors and event payload builders never import an API module."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIP_DIRS = {".venv", "node_modules", "tests", "migrations", "bench", "scripts", ".git"}


def lower_layer_files() -> list[Path]:
    found = []
    for path in ROOT.rglob("*.py"):
        relative = path.relative_to(ROOT)
        if SKIP_DIRS & set(relative.parts):
            continue
        if "services" in relative.parts[:-1] or relative.name in {"services.py", "selectors.py", "events.py",
                                                                       "dashboard.py"}:
            found.append(relative)
    return sorted(found)


def api_imports(path: Path) -> list[str]:
    """Every imported module (also inside functions) that is an `api` package or module."""
    tree = ast.parse((ROOT / path).read_text(), filename=str(path))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append(node.module)
            names.extend(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level:
            names.extend(f"{'.' * node.level}{node.module or ''}.{alias.name}" for alias in node.names)
    return sorted({name for name in names if "api" in name.strip(".").split(".")})


def test_the_walk_finds_the_lower_layers():
    files = {str(path) for path in lower_layer_files()}

    assert {"catalog/selectors.py", "catalog/events.py", "catalog/services/products.py", "orders/dashboard.py"} <= files


def test_services_selectors_and_events_never_import_an_api_module():
    offenders = {
        str(path): imports for path in lower_layer_files()
        if (imports := api_imports(path))
    }

    assert offenders == {}

