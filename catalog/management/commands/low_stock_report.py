from django.core.management.base import BaseCommand

from catalog.selectors import variant_list_low_stock


class Command(BaseCommand):
    help = "List tracked variants at or below their low-stock threshold (archived products excluded)."

    def add_arguments(self, parser):
        parser.add_argument("--product-type", help="Only this product type (candle, soap, ...).")

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
