import pytest

from customers import registry


@pytest.fixture
def clean_registry(monkeypatch):
    """Registrations made by a test vanish after it."""
    monkeypatch.setattr(registry, "_export_parts", dict(registry._export_parts))
    monkeypatch.setattr(registry, "_anonymizers", list(registry._anonymizers))
    monkeypatch.setattr(registry, "_order_stats", list(registry._order_stats))
    return registry
