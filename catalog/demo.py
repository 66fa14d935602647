"""Demo catalog for `manage.py seed_demo`: a believable MOOD MNKY shop, plus generated bulk for benchmarks."""

import io
import time
from datetime import timedelta
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import OutputWrapper
from django.db import connection
from django.db.models import JSONField
from django.utils import timezone
from PIL import Image, ImageDraw, ImageFont

from catalog import cache as catalog_cache
from catalog import services
from catalog.models import Category, Collection, Product, StockMovement, Variant
from moodmnky.actors import Actor

GENERATED_PREFIX = "gen-"
BATCH = 2000
SEED_DEMO = Actor.system_job("seed_demo")

CATEGORIES = [
    # slug, name, parent slug, description
    ("home-fragrance", "Home Fragrance", None, "Scent for every room."),
    ("candles", "Candles", "home-fragrance", "Hand-poured soy and coconut wax candles."),
    ("room-sprays", "Room Sprays", "home-fragrance", "Instant mood, one mist away."),
    ("reed-diffusers", "Reed Diffusers", "home-fragrance", "Flameless, constant fragrance."),
    ("wax-melts", "Wax Melts", "home-fragrance", "Clamshells of soy wax for your warmer."),
    ("bath-body", "Bath & Body", None, "Skin-safe blends for self-care rituals."),
    ("body-oils", "Body Oils", "bath-body", "Light, fast-absorbing scented oils."),
    ("soaps", "Soaps", "bath-body", "Cold-process bars, cured for six weeks."),
    ("gifts", "Gifts", None, "Boxed and ready to give."),
    ("gift-sets", "Gift Sets", "gifts", "Curated trios and discovery boxes."),
]
COLLECTIONS = [
    ("bestsellers", "Bestsellers", "The scents our community reorders most."),
    ("autumn-ritual", "Autumn Ritual", "Smoke, spice and fallen leaves."),
    ("calm-unwind", "Calm & Unwind", "Soft florals and herbs for slow evenings."),
    ("mood-boosters", "Mood Boosters", "Bright citrus and green notes to lift the day."),
    ("new-arrivals", "New Arrivals", "Just poured."),
]
# product type -> (category slug, sizes as (variant name, sku suffix, price, weight g), base colour)
TYPES = {
    "candle": ("candles", [("8 oz", "8OZ", "34.00", 340), ("14 oz", "14OZ", "48.00", 560),
                           ("Travel 4 oz", "4OZ", "18.00", 170)], (186, 120, 86)),
    "room_spray": ("room-sprays", [("4 fl oz", "4FL", "22.00", 150), ("8 fl oz", "8FL", "36.00", 280)],
                   (92, 140, 170)),
    "reed_diffuser": ("reed-diffusers", [("100 ml", "100ML", "38.00", 320), ("200 ml", "200ML", "58.00", 560)],
                      (120, 150, 110)),
    "wax_melt": ("wax-melts", [("2.5 oz clamshell", "CLAM", "9.00", 80), ("3-pack", "3PK", "24.00", 240)],
                 (200, 150, 170)),
    "body_oil": ("body-oils", [("30 ml", "30ML", "24.00", 90), ("100 ml", "100ML", "52.00", 230)], (196, 160, 90)),
    "soap": ("soaps", [("Bar 5 oz", "BAR", "12.00", 150), ("Bar trio", "TRIO", "32.00", 450)], (150, 120, 170)),
    "gift_set": ("gift-sets", [("Box", "BOX", "68.00", 900)], (110, 90, 130)),
}
# name, type, collections, tags, (top, heart, base), description, stock per size (None = untracked)
PRODUCTS = [
    ("Moonlit Fig", "candle", ["bestsellers", "autumn-ritual"], ["fig", "woody", "bestseller"],
     ("bergamot, green fig leaf", "fig, jasmine", "cedarwood, tonka"),
     "Ripe fig and cedar under a late-summer moon.", [40, 18, 2]),
    ("Ember & Oud", "candle", ["autumn-ritual"], ["smoky", "oud"], ("saffron, pink pepper", "oud, leather",
     "amber, vanilla"), "Glowing embers, dark resins and a curl of smoke.", [22, 9, 14]),
    ("Lavender Fields", "candle", ["calm-unwind", "bestsellers"], ["lavender", "herbal", "sleep"],
     ("lavender, lemon", "clary sage", "musk"), "Sun-warmed lavender rows and a breath of sage.", [55, 30, 20]),
    ("Salted Grapefruit", "candle", ["mood-boosters"], ["citrus", "fresh"], ("grapefruit, sea salt",
     "neroli", "driftwood"), "Pink grapefruit and a salty coastal breeze.", [3, 12, 8]),
    ("Mood Mnky Original", "candle", ["bestsellers"], ["signature"], ("mandarin", "black tea, rose",
     "sandalwood"), "Our signature: tea, rose and creamy sandalwood.", [60, 25, 30]),
    ("Cedar & Smoke", "wax_melt", ["autumn-ritual"], ["smoky", "woody"], ("clove", "cedar", "birch tar"),
     "Campfire cedar for your melt warmer.", [35, 12]),
    ("Vanilla Cloud", "wax_melt", ["calm-unwind"], ["gourmand", "vanilla"], ("pear", "vanilla orchid",
     "cashmere musk"), "Soft vanilla and cashmere, like a warm blanket.", [48, 20]),
    ("Citrus Grove", "wax_melt", ["mood-boosters", "new-arrivals"], ["citrus"], ("lime, lemon", "orange blossom",
     "vetiver"), "Three citrus fruits and a green, zesty heart.", [2, 6]),
    ("Midnight Jasmine", "room_spray", ["calm-unwind"], ["floral", "jasmine"], ("petitgrain", "jasmine sambac",
     "benzoin"), "Night-blooming jasmine for linen and rooms.", [28, 14]),
    ("Fresh Linen", "room_spray", ["bestsellers"], ["clean", "fresh"], ("aldehydes", "cotton flower", "white musk"),
     "Line-dried cotton on a bright morning.", [44, 19]),
    ("Peppermint Focus", "room_spray", ["mood-boosters"], ["mint", "focus"], ("peppermint", "eucalyptus",
     "cedar"), "A cool, clearing mist for the desk.", [17, 4]),
    ("Sea Salt & Sage", "reed_diffuser", ["bestsellers"], ["fresh", "herbal"], ("sea salt", "sage",
     "ambrette"), "Windswept sage on coastal rocks.", [26, 11]),
    ("Black Amber", "reed_diffuser", ["autumn-ritual", "new-arrivals"], ["amber", "warm"], ("cardamom",
     "labdanum", "amber, patchouli"), "Deep amber and resin, softly glowing.", [15, 5]),
    ("Eucalyptus Spa", "reed_diffuser", ["calm-unwind"], ["spa", "herbal"], ("eucalyptus", "spearmint",
     "cedar"), "Steam room eucalyptus, all day long.", [1, 9]),
    ("Golden Hour Body Oil", "body_oil", ["new-arrivals"], ["skin", "glow"], ("bergamot", "neroli", "amber"),
     "A shimmering dry oil that smells like late sun.", [30, 12]),
    ("Rose Ritual Body Oil", "body_oil", ["calm-unwind"], ["rose", "skin"], ("pink pepper", "damask rose",
     "sandalwood"), "Rosehip and jojoba with a velvet rose scent.", [24, 3]),
    ("Coconut Milk Body Oil", "body_oil", ["mood-boosters"], ["gourmand", "skin"], ("coconut water",
     "tiare", "vanilla"), "Creamy coconut and tiare flower.", [40, 16]),
    ("Oat & Honey Soap", "soap", ["calm-unwind"], ["gentle", "oat"], ("honey", "oat milk", "tonka"),
     "Colloidal oat and raw honey for sensitive skin.", [70, 25]),
    ("Charcoal Detox Soap", "soap", ["bestsellers"], ["charcoal", "clean"], ("tea tree", "lavender",
     "vetiver"), "Activated charcoal with tea tree and lavender.", [50, 18]),
    ("Citrus Sunrise Soap", "soap", ["mood-boosters", "new-arrivals"], ["citrus"], ("sweet orange", "lemongrass",
     "patchouli"), "A bright morning bar with orange zest.", [4, 10]),
    ("Discovery Trio", "gift_set", ["bestsellers", "new-arrivals"], ["gift", "sampler"], ("", "", ""),
     "Three travel candles: Moonlit Fig, Lavender Fields, Mood Mnky Original.", [12]),
    ("Calm Evening Gift Box", "gift_set", ["calm-unwind"], ["gift", "sleep"], ("", "", ""),
     "Lavender Fields candle, Oat & Honey soap and Rose Ritual body oil.", [2]),
    ("Autumn Ritual Box", "gift_set", ["autumn-ritual"], ["gift", "seasonal"], ("", "", ""),
     "Ember & Oud candle, Cedar & Smoke melts and Black Amber diffuser.", [None]),
    ("Sunday Reset Candle", "candle", ["calm-unwind", "new-arrivals"], ["clean", "herbal"], ("basil", "white tea",
     "musk"), "Basil and white tea to start the week clean.", [0, 6, 10]),
]


def seed(*, stdout, products: int = 0) -> str:
    """Create (or top up) the demo catalog; `products` generated products for benchmarks."""
    categories = _categories()
    collections = _collections()
    created = 0
    for entry in PRODUCTS:
        created += _product(entry, categories, collections)
    generated = generate_products(count=products, stdout=stdout) if products else 0
    catalog_cache.invalidate_taxonomy()
    low = Variant.objects.filter(Variant.low_stock_q()).count()
    return (f"{len(PRODUCTS)} demo products ({created} new), {len(categories)} categories, "
            f"{len(collections)} collections, {low} low-stock variants"
            + (f", {generated} generated products added" if products else ""))


def _categories() -> dict[str, Category]:
    found: dict[str, Category] = {}
    for position, (slug, name, parent, description) in enumerate(CATEGORIES):
        found[slug], _ = Category.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "position": position,
                                 "parent": found.get(parent)})
    return found


def _collections() -> dict[str, Collection]:
    return {
        slug: Collection.objects.get_or_create(slug=slug, defaults={"name": name, "description": description,
                                                                    "position": position})[0]
        for position, (slug, name, description) in enumerate(COLLECTIONS)
    }


def _product(entry, categories, collections) -> int:
    name, product_type, collection_slugs, tags, (top, heart, base), description, stock = entry
    slug = _slug(name)
    if Product.objects.filter(slug=slug).exists():
        return 0
    category_slug, sizes, colour = TYPES[product_type]
    code = "".join(word[0] for word in name.replace("&", "").split()).upper()[:4]
    variants = []
    for position, ((size, suffix, price, weight), quantity) in enumerate(zip(sizes, stock, strict=False)):
        sku = f"MM-{code}-{suffix}"
        if Variant.objects.filter(sku=sku).exists():
            continue
        variants.append({
            "sku": sku, "name": size, "options": {"size": size}, "price": Decimal(price),
            "compare_at_price": Decimal(price) + Decimal("6.00") if "bestsellers" in collection_slugs and position == 0
            else None,
            "weight_grams": Decimal(weight), "quantity": quantity or 0, "track_inventory": quantity is not None,
            "low_stock_threshold": 5, "position": position,
        })
    product = services.product_create(
        name=name, slug=slug, description=description, product_type=product_type, status=Product.Status.ACTIVE,
        category_id=categories[category_slug].pk, collection_ids=[collections[c].pk for c in collection_slugs],
        tags=tags, top_notes=top, heart_notes=heart, base_notes=base, variants=variants, actor=SEED_DEMO,
    )
    services.media_add(actor=SEED_DEMO, product_id=product.pk, image=_image(name, product_type, colour),
                       alt=f"{name} — MOOD MNKY", position=0)
    return 1


def _slug(name: str) -> str:
    from django.utils.text import slugify

    return slugify(name)


def _image(label: str, product_type: str, colour: tuple[int, int, int], side: int = 640) -> SimpleUploadedFile:
    """A vertical gradient in the product type's colour with the product name on it."""
    top = tuple(min(255, c + 60) for c in colour)
    gradient = Image.linear_gradient("L").resize((side, side))
    image = Image.composite(Image.new("RGB", (side, side), colour), Image.new("RGB", (side, side), top), gradient)
    draw = ImageDraw.Draw(image)
    try:
        title, small = ImageFont.load_default(size=44), ImageFont.load_default(size=22)
    except TypeError:  # Pillow < 10.1 has a single bitmap font
        title = small = ImageFont.load_default()
    draw.rectangle([40, side - 200, side - 40, side - 60], fill=(255, 255, 255))
    draw.text((64, side - 180), label, fill=(40, 30, 50), font=title)
    draw.text((64, side - 110), f"MOOD MNKY · {product_type.replace('_', ' ')}", fill=(90, 80, 100), font=small)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=82)
    return SimpleUploadedFile(f"{_slug(label)}.jpg", buffer.getvalue(), content_type="image/jpeg")


def generate_products(*, count: int, stdout) -> int:
    """Make sure `count` generated products exist (gen-000001 ...), with bulk inserts in batches.

    Each gets two variants and their opening `receive` movements, so the ledger stays complete.
    Safe to re-run: only the missing ones are added.
    """
    existing = Product.objects.filter(slug__startswith=GENERATED_PREFIX).count()
    missing = max(count - existing, 0)
    if not missing:
        return 0
    categories = list(Category.objects.filter(parent__isnull=False).values_list("pk", "slug"))
    by_slug = {slug: pk for pk, slug in categories}
    types = list(TYPES)
    started, done = time.monotonic(), 0
    for start in range(existing + 1, existing + missing + 1, BATCH):
        numbers = range(start, min(start + BATCH, existing + missing + 1))
        _generate_batch(numbers, types, by_slug)
        done += len(numbers)
        _progress(stdout, done, missing, started)
    stdout.write("\n" if not isinstance(stdout, OutputWrapper) else "")
    return missing


def _generate_batch(numbers, types, by_slug) -> None:
    now = timezone.now()
    products, variants_of = [], {}
    for n in numbers:
        created_at = now - timedelta(seconds=n)  # distinct, like a real catalog grown over time
        product_type = types[n % len(types)]
        name = f"{ADJECTIVES[n % len(ADJECTIVES)]} {NOUNS[(n // len(ADJECTIVES)) % len(NOUNS)]} {n}"
        variants_of[n] = [
            Variant(sku=f"GEN-{n:06d}-{suffix}", name=size, options={"size": size},
                    price=Decimal(price) + Decimal(n % 7), weight_grams=Decimal(weight),
                    quantity=(n * 7 + position) % 60, low_stock_threshold=5, position=position, created_at=now,
                    updated_at=now)
            for position, (size, suffix, price, weight) in enumerate(TYPES[product_type][1][:2])
        ]
        product = Product(
            name=name, slug=f"{GENERATED_PREFIX}{n:06d}", description=f"Generated {product_type.replace('_', ' ')}.",
            product_type=product_type, status=Product.Status.ACTIVE, category_id=by_slug.get(TYPES[product_type][0]),
            tags=["generated", product_type], created_at=created_at, updated_at=now,
        )
        product.search_text = services.product_search_text(product, [v.sku for v in variants_of[n]])
        product.min_price = min(v.price for v in variants_of[n])
        product.in_stock = any(v.in_stock for v in variants_of[n])
        products.append(product)
    _insert(Product, products)
    variants = []
    for product, n in zip(products, numbers, strict=True):
        for variant in variants_of[n]:
            variant.product_id = product.pk
            variants.append(variant)
    _insert(Variant, variants)
    _insert(StockMovement, [
        StockMovement(variant_id=v.pk, sku=v.sku, delta=v.quantity, quantity_after=v.quantity, reason="receive",
                      note="Generated opening stock", reference="seed_demo", actor_label=SEED_DEMO.label,
                      created_at=now) for v in variants if v.quantity])


def _insert(model, objects: list) -> None:
    """Insert and set the ids: bulk_create, or on PostgreSQL one COPY with ids drawn from the table's sequence.

    COPY skips Django's per-value preparation and the multi-row INSERT's parameter handling: 100,000
    products with their variants and movements load about twice as fast (docs/performance.md).
    """
    if connection.vendor != "postgresql":
        model.objects.bulk_create(objects, batch_size=BATCH)
        return
    from psycopg.types.json import Jsonb

    table, fields = model._meta.db_table, model._meta.concrete_fields
    json_fields = {f.attname for f in fields if isinstance(f, JSONField)}
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                       [table, len(objects)])
        for obj, (pk,) in zip(objects, cursor.fetchall(), strict=True):
            obj.pk = pk
        with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for obj in objects:
                copy.write_row([Jsonb(getattr(obj, f.attname)) if f.attname in json_fields
                                else getattr(obj, f.attname) for f in fields])


def _progress(stdout, done: int, total: int, started: float) -> None:
    width = 30
    filled = int(width * done / total)
    rate = done / max(time.monotonic() - started, 1e-6)
    line = f"\r  generating products [{'#' * filled}{'.' * (width - filled)}] {done}/{total} ({rate:,.0f}/s)"
    if isinstance(stdout, OutputWrapper):
        stdout.write(line, ending="")
    else:
        stdout.write(line)
    stdout.flush()


ADJECTIVES = ["Amber", "Velvet", "Midnight", "Golden", "Wild", "Quiet", "Smoked", "Sunlit", "Misty", "Honeyed",
              "Salted", "Frosted", "Dusky", "Blooming", "Spiced", "Silken"]
NOUNS = ["Fig", "Cedar", "Rose", "Vetiver", "Citrus", "Oud", "Jasmine", "Tonka", "Sage", "Neroli", "Musk",
         "Vanilla", "Tea", "Pine", "Iris", "Plum"]
