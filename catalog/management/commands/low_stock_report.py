from catalog.models import Product
from catalog.selectors import variant_list_low_stock
from moodmnky.management.base import OpsCommand


class Command(OpsCommand):
    help = ("List tracked variants at or below their low-stock threshold, lowest stock first (archived products "
            "excluded): SKU, quantity / threshold, state, product — variant; then a summary line.")

    def add_arguments(self, parser):
        parser.add_argument("--product-type", choices=Product.ProductType.values, metavar="TYPE",
                            help=f"Only this product type: {', '.join(Product.ProductType.values)}.")

    def handle(self, *args, product_type=None, **options):
        variants = variant_list_low_stock()
        if product_type:
            variants = variants.filter(product__product_type=product_type)
        count = 0
        for variant in variants.iterator(chunk_size=500):
            count += 1
            state = "SOLD OUT" if variant.quantity <= 0 else "low"
            self.stdout.write(f"{variant.sku:<24} {variant.quantity:>6} / {variant.low_stock_threshold:<4} "
                              f"{state:<8} {variant.product.name} — {variant.name}")
        self.stdout.write(f"{count} variant(s) at or below their low-stock threshold.")
