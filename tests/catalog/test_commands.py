import io
import json

import pytest
from django.core.management import CommandError, call_command

from catalog.models import Product, StockMovement, Variant
from tests.catalog.factories import CategoryFactory, CollectionFactory, ProductFactory, VariantFactory

pytestmark = pytest.mark.django_db

HEADER = "product_slug,product_name,product_type,status,category,collections,tags,sku,variant_name,price,quantity\n"


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def taxonomy(db):
    CategoryFactory(slug="candles")
    CollectionFactory(slug="autumn")


def write(tmp_path, text: str, name: str = "catalog.csv"):
    path = tmp_path / name
    path.write_text(text)
    return str(path)


def test_import_csv_creates_products_variants_and_opening_stock(tmp_path, taxonomy):
    path = write(tmp_path, HEADER
                 + "moonlit-fig,Moonlit Fig,candle,active,candles,autumn,fig;woody,MF-8,8 oz,34.00,12\n"
                 + "moonlit-fig,Moonlit Fig,candle,active,candles,autumn,,MF-4,4 oz,18.00,\n"
                 + ",Ocean Salt,room_spray,draft,,,,OS-4,4 fl oz,22.00,5\n")

    out, err = run("import_catalog", path)

    assert "2 products created" in out and "3 variants created" in out and err == ""
    fig = Product.objects.get(slug="moonlit-fig")
    assert (fig.category.slug, list(fig.collections.values_list("slug", flat=True)), fig.tags) == (
        "candles", ["autumn"], ["fig", "woody"])
    assert Variant.objects.get(sku="MF-8").quantity == 12
    assert StockMovement.objects.filter(reason="receive").count() == 2


def test_import_reports_row_level_errors_and_writes_nothing(tmp_path, taxonomy):
    path = write(tmp_path, HEADER
                 + "good,Good,candle,active,candles,,,G-1,8 oz,10.00,1\n"
                 + "bad-type,Bad type,lamp,active,,,,B-1,8 oz,10.00,1\n"
                 + "good,Good,candle,active,candles,,,G-2,4 oz,abc,1\n"
                 + "nocat,No category,candle,active,nowhere,,,N-1,8 oz,5.00,1\n"
                 + "good,Good,candle,active,candles,,,G-1,8 oz,10.00,1\n")

    with pytest.raises(CommandError, match="nothing was imported"):
        run("import_catalog", path)

    assert not Product.objects.exists()


def test_import_error_lines_name_row_and_field(tmp_path, taxonomy, capsys):
    path = write(tmp_path, HEADER + "good,Good,candle,active,candles,,,G-1,8 oz,10.00,1\n"
                 + "good,Good,candle,active,candles,,,G-2,4 oz,abc,1\n"
                 + "good,Good,candle,active,candles,,,G-1,8 oz,10.00,1\n")
    err = io.StringIO()

    with pytest.raises(CommandError):
        call_command("import_catalog", path, stdout=io.StringIO(), stderr=err)

    lines = err.getvalue().splitlines()
    assert lines[0].startswith("row 3: price: ")
    assert lines[1] == "row 4: sku: `G-1` already appears on row 2"


def test_import_partial_imports_the_good_rows(tmp_path, taxonomy):
    path = write(tmp_path, HEADER
                 + "good,Good,candle,active,candles,,,G-1,8 oz,10.00,1\n"
                 + "good,Good,candle,active,candles,,,G-2,4 oz,abc,1\n"
                 + "bad-type,Bad type,lamp,active,,,,B-1,8 oz,10.00,1\n")

    out, err = run("import_catalog", path, "--partial")

    assert list(Product.objects.values_list("slug", flat=True)) == ["good"]
    assert list(Variant.objects.values_list("sku", flat=True)) == ["G-1"]
    assert "row 3: price" in err and "row 4: product_type" in err
    assert "2 rows skipped" in out


def test_import_dry_run_writes_nothing(tmp_path, taxonomy):
    path = write(tmp_path, HEADER + "good,Good,candle,active,candles,,,G-1,8 oz,10.00,1\n")

    out, _ = run("import_catalog", path, "--dry-run")

    assert out.startswith("Dry run") and "1 products created" in out
    assert not Product.objects.exists() and not StockMovement.objects.exists()


def test_import_updates_existing_products_and_sets_stock(tmp_path):
    product = ProductFactory(slug="existing", name="Old", status="active")
    VariantFactory(product=product, sku="EX-1", quantity=10)

    out, _ = run("import_catalog", write(tmp_path, "product_slug,product_name,sku,variant_name,price,quantity\n"
                                                   "existing,New name,EX-1,8 oz,11.00,4\n"))
    again, _ = run("import_catalog", write(tmp_path, "product_slug,product_name,sku,variant_name,price,quantity\n"
                                                     "existing,New name,EX-1,8 oz,11.00,4\n"))

    product.refresh_from_db()
    assert (product.name, product.status) == ("New name", "active")  # empty cells change nothing
    variant = Variant.objects.get(sku="EX-1")
    assert (str(variant.price), variant.quantity) == ("11.00", 4)
    assert "1 products updated" not in out and "1 updated" in out and "1 stock changes" in out
    assert "0 stock changes" in again  # re-running is safe
    assert StockMovement.objects.get().delta == -6


def test_import_refuses_a_sku_of_another_product(tmp_path):
    VariantFactory(sku="TAKEN", product=ProductFactory(slug="owner"))

    with pytest.raises(CommandError):
        run("import_catalog", write(tmp_path, HEADER + "other,Other,candle,,,,,TAKEN,8 oz,1.00,1\n"))


def test_import_json(tmp_path, taxonomy):
    data = {"products": [
        {"name": "Json Candle", "product_type": "candle", "status": "active", "category": "candles",
         "collections": ["autumn"], "variants": [{"sku": "J-1", "name": "8 oz", "price": "20.00", "quantity": 3}]},
        {"name": "Broken", "product_type": "candle",
         "variants": [{"sku": "J-2", "name": "8 oz", "price": "1.00"}, {"sku": "J-3", "name": "4 oz", "price": "x"}]},
    ]}
    path = write(tmp_path, json.dumps(data), "catalog.json")
    err = io.StringIO()

    with pytest.raises(CommandError):
        call_command("import_catalog", path, stdout=io.StringIO(), stderr=err)
    out, _ = run("import_catalog", path, "--partial")

    assert err.getvalue().splitlines() == ["row 2: variants.1.price: A valid number is required."]
    assert set(Variant.objects.values_list("sku", flat=True)) == {"J-1", "J-2"}
    assert "2 products created" in out


def test_import_unknown_file_is_a_command_error(tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        run("import_catalog", str(tmp_path / "missing.csv"))


def test_import_csv_without_required_columns(tmp_path):
    with pytest.raises(CommandError):
        run("import_catalog", write(tmp_path, "name,price\nx,1\n"))


def test_low_stock_report_lists_low_variants_and_a_summary():
    VariantFactory(sku="LOW-1", quantity=2, low_stock_threshold=5)
    VariantFactory(sku="OUT-1", quantity=0, low_stock_threshold=5)
    VariantFactory(sku="FINE-1", quantity=50, low_stock_threshold=5)
    VariantFactory(sku="UNTRACKED", quantity=0, track_inventory=False)
    VariantFactory(sku="ARCHIVED", quantity=0, product=ProductFactory(status="archived"))

    out, _ = run("low_stock_report")

    lines = out.strip().splitlines()
    assert [line.split()[0] for line in lines[:-1]] == ["OUT-1", "LOW-1"]
    assert "SOLD OUT" in lines[0]
    assert lines[-1] == "2 variant(s) at or below their low-stock threshold."


def test_low_stock_report_filters_by_type():
    VariantFactory(sku="LOW-1", quantity=2, low_stock_threshold=5)

    out, _ = run("low_stock_report", "--product-type", "soap")

    assert out.strip() == "0 variant(s) at or below their low-stock threshold."
