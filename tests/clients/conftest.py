"""End-to-end tests of the generated clients against pytest-django's live_server (a real HTTP server on
127.0.0.1 with the test database): the shop they browse is made here."""

import sys
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

from moodmnky.services import api_key_create
from tests.carts.factories import DiscountCodeFactory
from tests.catalog.factories import CategoryFactory, ProductFactory, VariantFactory

ROOT = Path(__file__).resolve().parents[2]
PYTHON_CLIENT = ROOT / "clients" / "python"
TYPESCRIPT_CLIENT = ROOT / "clients" / "typescript"

# The generated Python client, imported from the repository like a `pip install -e clients/python` would.
if str(PYTHON_CLIENT) not in sys.path:
    sys.path.insert(0, str(PYTHON_CLIENT))


@dataclass
class Shop:
    base_url: str
    category_slug: str
    candle_variant_id: int
    api_key: str


@pytest.fixture
def shop(live_server, transactional_db) -> Shop:
    """A small catalog (two candles in one category, one wax melt elsewhere), WELCOME10, and an API key."""
    candles = CategoryFactory(name="Candles", slug="candles")
    candle = ProductFactory(name="Lavender Dusk", category=candles)
    VariantFactory(product=candle, sku="LAV-8OZ", price=Decimal("32.00"), quantity=20)
    VariantFactory(product=ProductFactory(name="Cedar Smoke", category=candles), sku="CED-8OZ",
                   price=Decimal("28.00"), quantity=5)
    VariantFactory(product=ProductFactory(name="Citrus Melt", category=CategoryFactory(slug="melts")),
                   sku="CIT-MELT", price=Decimal("9.50"), quantity=50)
    DiscountCodeFactory(code="WELCOME10", value=Decimal("10"))
    _, raw_key = api_key_create(name="client e2e", scopes=["products:write", "inventory:write"])
    # The server listens on 127.0.0.1 (pytest-django names it localhost, which node may resolve to ::1).
    return Shop(base_url=live_server.url.replace("//localhost:", "//127.0.0.1:"), category_slug="candles",
                candle_variant_id=candle.variants.get().pk, api_key=raw_key)
