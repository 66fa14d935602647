"""Services and selectors sit below the API layer: nothing under services/ or selectors imports an app's `api`.

(`moodmnky.api.tokens.end_sessions` is still imported by customers' services: the security work moves it.)
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LOWER_LAYERS = ["customers/services", "customers/selectors.py", "customers/events.py", "customers/tiers.py",
                "carts/services", "carts/selectors", "carts/discount_rules.py", "carts/pricing.py"]


def _modules(path: Path) -> list[Path]:
    return sorted(path.rglob("*.py")) if path.is_dir() else [path]


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("module", [m for layer in LOWER_LAYERS for m in _modules(ROOT / layer)],
                         ids=lambda m: str(m.relative_to(ROOT)))
def test_services_and_selectors_never_import_the_api_layer(module):
    imported = _imports(module)

    assert not [name for name in imported if name.split(".")[1:2] == ["api"] and not name.startswith("moodmnky.")]
