"""Demo data for `manage.py seed_demo`: the wheel's 14 families, 41 notes with IFRA-style limits, the six
product bases, and (when the demo customer exists) a scent profile and two blends. Idempotent.

Limits are per fragrance OIL as a supplier's IFRA certificate states them (% of the oil in the finished
product, 51st Amendment style); they are illustrative demo values, not certificates: check real ones.
"""

from decimal import Decimal

from blends.models import Blend, FragranceCategory, Note, NoteIfraLimit, ProductBase, ScentProfile
from blends.services import blend_create, note_stock_adjust
from moodmnky.actors import Actor

ACTOR = Actor.system_job("seed_demo")
AMENDMENT = 51

# position, slug, name, group, moods, description (wheel order, shared/domain/fragrance.md §2)
FAMILIES = [
    (1, "floral", "Floral", "Floral", ["romantic", "joyful"], "Rose, jasmine, lily: single flowers to bouquets."),
    (2, "soft-floral", "Soft Floral", "Floral", ["soft", "calm"], "Powdery iris, violet and musk."),
    (3, "floral-amber", "Floral Amber", "Floral", ["sensual", "warm"], "Orange blossom with sweet spice."),
    (4, "soft-amber", "Soft Amber", "Amber", ["cozy", "calm"], "Incense, soft spice and gentle resins."),
    (5, "amber", "Amber", "Amber", ["warm", "sensual", "festive"], "Resins, vanilla and warm spice."),
    (6, "woody-amber", "Woody Amber", "Amber", ["sensual", "grounding"], "Patchouli and precious woods with amber."),
    (7, "woods", "Woods", "Woody", ["grounding", "calm"], "Cedar, sandalwood and vetiver."),
    (8, "mossy-woods", "Mossy Woods", "Woody", ["earthy", "grounding"], "Oakmoss and forest floor (chypre)."),
    (9, "dry-woods", "Dry Woods", "Woody", ["cozy", "earthy"], "Leather, tobacco and smoky woods."),
    (10, "aromatic", "Aromatic", "Fresh", ["relaxing", "clean", "focused"], "Lavender and herbs (fougère)."),
    (11, "citrus", "Citrus", "Fresh", ["energizing", "uplifting", "bright"], "Bergamot, lemon, grapefruit."),
    (12, "water", "Water", "Fresh", ["fresh", "clean"], "Marine, ozonic, sea air."),
    (13, "green", "Green", "Fresh", ["fresh", "focused"], "Cut grass, green leaves, herbs."),
    (14, "fruity", "Fruity", "Fresh", ["playful", "joyful"], "Berries, peach and orchard fruit."),
]
# Classic pairings beyond the wheel's neighbours (editorial).
COMPLEMENTS = {
    "citrus": ["woods", "aromatic", "floral"], "floral": ["citrus", "woods", "fruity"],
    "woods": ["citrus", "amber", "aromatic"], "amber": ["woods", "floral-amber", "fruity"],
    "aromatic": ["citrus", "woods", "green"], "green": ["floral", "citrus", "water"],
    "water": ["citrus", "green", "woods"], "fruity": ["floral", "amber", "citrus"],
    "soft-floral": ["soft-amber", "woods"], "floral-amber": ["amber", "citrus"],
    "soft-amber": ["soft-floral", "woods"], "woody-amber": ["amber", "citrus"],
    "mossy-woods": ["citrus", "floral"], "dry-woods": ["amber", "aromatic"],
}
# slug, name, family, volatility, intensity, moods, cost/g, allergens, limits {IFRA category: %}, description
NOTES = [
    ("bergamot", "Bergamot", "citrus", "top", 3, ["uplifting", "bright"], "0.12", "Limonene, Linalool, Citral",
     {"4": "0.4", "5A": "0.4"}, "Tangy peel with a floral lift (expressed oil: phototoxic on skin)."),
    ("lemon", "Lemon", "citrus", "top", 3, ["energizing", "bright", "fresh"], "0.08", "Limonene, Citral",
     {"4": "2.0", "5A": "2.0"}, "Sharp, sparkling zest."),
    ("sweet-orange", "Sweet Orange", "citrus", "top", 2, ["joyful", "uplifting"], "0.06", "Limonene", {},
     "Sweet, juicy rind."),
    ("grapefruit", "Grapefruit", "citrus", "top", 3, ["energizing", "uplifting"], "0.10", "Limonene",
     {"5A": "4.0"}, "Bittersweet and effervescent."),
    ("lemongrass", "Lemongrass", "citrus", "top", 4, ["energizing", "fresh"], "0.07", "Citral, Geraniol, Limonene",
     {"4": "1.0", "5A": "0.7", "9": "2.0", "10A": "3.0", "10B": "3.0"}, "Lemony and grassy, rich in citral."),
    ("lavender", "Lavender", "aromatic", "top", 3, ["relaxing", "calm", "clean"], "0.11",
     "Linalool, Coumarin, Limonene", {}, "Herbal floral, the heart of a fougère."),
    ("peppermint", "Peppermint", "aromatic", "top", 4, ["energizing", "focused", "fresh"], "0.09", "Limonene",
     {"5A": "5.0"}, "Icy, bright mint."),
    ("eucalyptus", "Eucalyptus", "aromatic", "top", 4, ["fresh", "clean", "focused"], "0.06", "Limonene", {},
     "Camphor-cool and clearing."),
    ("rosemary", "Rosemary", "aromatic", "middle", 3, ["focused", "clean"], "0.08", "Limonene, Linalool", {},
     "Woody-camphor herb."),
    ("clary-sage", "Clary Sage", "aromatic", "middle", 3, ["relaxing", "calm"], "0.15", "Linalool", {},
     "Herbal with hay and amber tones."),
    ("basil", "Basil", "green", "top", 3, ["fresh", "focused"], "0.12", "Linalool, Eugenol", {},
     "Green, anise-tinged herb."),
    ("fig", "Fig Leaf", "green", "middle", 3, ["calm", "fresh"], "0.14", "", {}, "Milky green leaf over soft fruit."),
    ("cucumber", "Cucumber", "water", "top", 2, ["fresh", "clean", "calm"], "0.05", "", {}, "Cool, watery green."),
    ("sea-salt", "Sea Salt", "water", "top", 3, ["fresh", "clean"], "0.09", "Linalool", {},
     "Salty, ozonic sea air."),
    ("blackcurrant", "Blackcurrant", "fruity", "top", 4, ["playful", "joyful"], "0.13", "Limonene", {},
     "Tart berry with a sharp green bud."),
    ("peach", "Peach", "fruity", "middle", 2, ["playful", "soft", "joyful"], "0.10", "", {},
     "Soft, velvety fruit."),
    ("rose", "Rose", "floral", "middle", 4, ["romantic", "soft"], "0.60", "Citronellol, Geraniol, Eugenol",
     {"4": "3.0", "5A": "1.4", "9": "4.0"}, "Rich, velvety, honeyed petals."),
    ("jasmine", "Jasmine", "floral", "middle", 5, ["romantic", "sensual"], "0.90",
     "Benzyl benzoate, Benzyl alcohol, Linalool", {"4": "4.0", "5A": "0.7", "9": "3.0"},
     "Heady, sweet, slightly indolic."),
    ("ylang-ylang", "Ylang-Ylang", "floral", "middle", 4, ["sensual", "joyful"], "0.35",
     "Benzyl benzoate, Geraniol, Isoeugenol", {"4": "2.0", "5A": "0.8", "9": "2.5"},
     "Creamy, exotic, banana-tinged."),
    ("neroli", "Neroli", "floral-amber", "top", 3, ["uplifting", "romantic"], "1.20", "Linalool, Limonene",
     {"5A": "3.0"}, "Bright orange blossom, green and honeyed."),
    ("geranium", "Geranium", "floral", "middle", 3, ["calm", "fresh"], "0.20", "Citronellol, Geraniol",
     {"5A": "2.0"}, "Rosy-green with a minty edge."),
    ("tuberose", "Tuberose", "floral", "middle", 5, ["sensual", "romantic"], "1.10", "Benzyl benzoate",
     {"4": "3.0", "5A": "1.0"}, "Lush, creamy, narcotic."),
    ("lily-of-the-valley", "Lily of the Valley", "floral", "middle", 2, ["soft", "clean", "joyful"], "0.25",
     "Hydroxycitronellal", {"5A": "1.5"}, "Dewy, green, clean bloom."),
    ("violet", "Violet", "soft-floral", "middle", 2, ["soft", "calm"], "0.30", "Alpha-isomethyl ionone", {},
     "Powdery-sweet petal."),
    ("iris", "Iris", "soft-floral", "middle", 3, ["soft", "calm"], "1.50", "Alpha-isomethyl ionone", {},
     "Powdery, rooty, buttery."),
    ("cardamom", "Cardamom", "soft-amber", "middle", 3, ["warm", "focused"], "0.40", "Linalool, Limonene", {},
     "Cool, green spice."),
    ("cinnamon", "Cinnamon", "amber", "middle", 5, ["warm", "cozy", "festive"], "0.18",
     "Cinnamal, Eugenol, Cinnamyl alcohol", {"4": "0.1", "5A": "0.05", "9": "0.3", "10A": "0.8", "10B": "1.0",
                                               "12": "2.0"}, "Hot-sweet bark."),
    ("clove", "Clove", "amber", "base", 5, ["warm", "cozy", "festive"], "0.16", "Eugenol, Isoeugenol",
     {"4": "0.6", "5A": "0.5", "9": "1.0", "10A": "1.5", "10B": "2.0", "12": "4.0"}, "Pungent, warm, eugenol-rich."),
    ("frankincense", "Frankincense", "soft-amber", "base", 4, ["calm", "grounding"], "0.45", "Limonene", {},
     "Peppery-citrus incense resin."),
    ("amber", "Amber Accord", "amber", "base", 4, ["warm", "sensual", "cozy"], "0.20", "Benzyl benzoate, Coumarin",
     {"5A": "4.0"}, "Warm, powdery resin: labdanum, benzoin, vanilla."),
    ("vanilla", "Vanilla", "amber", "base", 4, ["cozy", "warm", "soft"], "0.22", "Benzyl alcohol",
     {"5A": "3.0"}, "Sweet, creamy balsam (vanillin browns pale products)."),
    ("tonka", "Tonka Bean", "soft-amber", "base", 4, ["cozy", "warm"], "0.28", "Coumarin",
     {"4": "2.5", "5A": "1.6", "9": "5.0"}, "Almond, vanilla and hay."),
    ("white-musk", "White Musk", "soft-amber", "base", 2, ["soft", "clean", "calm"], "0.15", "", {},
     "Clean, skin-like, powdery."),
    ("sandalwood", "Sandalwood", "woods", "base", 3, ["calm", "grounding", "sensual"], "0.50", "", {},
     "Creamy, milky soft wood."),
    ("cedarwood", "Cedarwood", "woods", "base", 3, ["grounding", "focused"], "0.07", "", {},
     "Dry, pencil-shaving wood."),
    ("vetiver", "Vetiver", "woods", "base", 4, ["earthy", "grounding"], "0.35", "", {}, "Earthy, smoky roots."),
    ("patchouli", "Patchouli", "woody-amber", "base", 5, ["earthy", "sensual"], "0.18", "", {},
     "Dark, earthy, camphor-sweet, very tenacious."),
    ("oud", "Oud", "woody-amber", "base", 5, ["sensual", "grounding"], "1.40", "", {},
     "Dense, resinous, smoky (a synthetic accord)."),
    ("oakmoss", "Oakmoss", "mossy-woods", "base", 3, ["earthy", "grounding"], "0.60", "Evernia prunastri extract",
     {"4": "0.1", "5A": "0.076", "9": "0.1", "10A": "0.1", "10B": "0.1"}, "Damp forest floor, inky green."),
    ("leather", "Leather", "dry-woods", "base", 4, ["cozy", "sensual"], "0.30", "",
     {"4": "0.5", "5A": "0.1", "9": "0.5", "10A": "1.0", "10B": "1.0", "12": "3.0"}, "Smoky birch tar and suede."),
    ("tobacco", "Tobacco Leaf", "dry-woods", "base", 4, ["cozy", "warm"], "0.32", "Coumarin", {"5A": "1.0"},
     "Dry leaf and honeyed hay."),
]
PAIRS = [("bergamot", "lavender"), ("bergamot", "sandalwood"), ("lemon", "basil"), ("grapefruit", "rosemary"),
         ("lavender", "vanilla"), ("lavender", "cedarwood"), ("rose", "oud"), ("rose", "patchouli"),
         ("jasmine", "sandalwood"), ("neroli", "white-musk"), ("cinnamon", "sweet-orange"), ("clove", "vanilla"),
         ("cardamom", "tonka"), ("fig", "cedarwood"), ("sea-salt", "vetiver"), ("peach", "white-musk"),
         ("blackcurrant", "rose"), ("tobacco", "vanilla"), ("leather", "iris"), ("oakmoss", "bergamot"),
         ("frankincense", "amber"), ("eucalyptus", "peppermint"), ("cucumber", "lily-of-the-valley"),
         ("ylang-ylang", "sandalwood"), ("geranium", "clary-sage"), ("violet", "iris"), ("tuberose", "jasmine"),
         ("lemongrass", "cedarwood"), ("grapefruit", "vetiver"), ("sweet-orange", "clove")]
# slug, name, type, IFRA category, load %, fill g, price, cure days, carrier (loads: fragrance.md §4)
BASES = [
    ("candle-8oz", "8 oz Soy Candle", "candle", "12", "8.00", "226.80", "32.00", 14, "soy wax"),
    ("wax-melt", "Wax Melt Clamshell", "wax_melt", "12", "10.00", "70.00", "14.00", 7, "soy wax"),
    ("reed-diffuser", "Reed Diffuser 100 ml", "reed_diffuser", "10A", "20.00", "100.00", "38.00", 1,
     "DPG (dipropylene glycol)"),
    ("room-spray", "Room Spray 120 ml", "room_spray", "10B", "5.00", "120.00", "22.00", 1,
     "water, polysorbate 20, preservative"),
    ("body-oil", "Body Oil 100 ml", "body_oil", "5A", "2.00", "92.00", "28.00", 0, "fractionated coconut oil"),
    ("soap-bar", "Cold-Process Soap Bar", "soap", "9", "3.00", "128.00", "12.00", 42, "cold-process soap base"),
]
OPENING_STOCK = Decimal("5000.00")
DEMO_BLENDS = [
    ("Evening Ritual", "Lavender and vanilla over sandalwood, for slow evenings.",
     [("bergamot", "20"), ("lavender", "15"), ("clary-sage", "25"), ("vanilla", "20"), ("sandalwood", "20")]),
    ("Spiced Orchard", "Orange and cinnamon bark over clove and amber.",
     [("sweet-orange", "25"), ("cinnamon", "20"), ("clove", "15"), ("amber", "40")]),
]


def seed(*, stdout, products: int = 0) -> str:
    families = _families()
    notes, new_notes = _notes(families)
    bases = _bases()
    blends = _demo_customer(notes)
    restricted = NoteIfraLimit.objects.filter(limit__lt=max(base.fragrance_load for base in bases)).values(
        "note").distinct().count()
    return (f"{len(families)} fragrance families, {len(notes)} notes ({new_notes} new, {restricted} with a limit "
            f"below a base's load), {len(bases)} product bases, {blends} demo blend(s)")


def _families() -> dict[str, FragranceCategory]:
    found = {}
    for position, slug, name, group, moods, description in FAMILIES:
        found[slug], _ = FragranceCategory.objects.update_or_create(
            slug=slug, defaults={"position": position, "name": name, "group": group, "moods": moods,
                                 "description": description})
    for slug, partners in COMPLEMENTS.items():
        found[slug].complementary_categories.set([found[partner] for partner in partners])
    return found


def _notes(families: dict[str, FragranceCategory]) -> tuple[dict[str, Note], int]:
    found, created_count = {}, 0
    for slug, name, family, volatility, intensity, moods, cost, allergens, limits, description in NOTES:
        note, created = Note.objects.update_or_create(slug=slug, defaults={
            "name": name, "category": families[family], "volatility": volatility, "intensity": intensity,
            "moods": moods, "cost_per_gram": Decimal(cost), "allergens": allergens, "description": description})
        for category, limit in limits.items():
            NoteIfraLimit.objects.update_or_create(note=note, ifra_category=category,
                                                   defaults={"limit": Decimal(limit), "amendment": AMENDMENT})
        if created:
            created_count += 1
            note_stock_adjust(note_id=note.pk, delta=OPENING_STOCK, reason="receive", reference="seed_demo",
                              comment="Opening stock", actor=ACTOR)
        found[slug] = note
    for first, second in PAIRS:
        found[first].complementary_notes.add(found[second])
        found[second].complementary_notes.add(found[first])
    return found, created_count


def _bases() -> list[ProductBase]:
    return [ProductBase.objects.update_or_create(slug=slug, defaults={
        "name": name, "product_type": kind, "ifra_category": category, "fragrance_load": Decimal(load),
        "fill_weight_g": Decimal(fill), "price": Decimal(price), "cure_days": cure, "carrier_name": carrier,
        "position": position})[0]
        for position, (slug, name, kind, category, load, fill, price, cure, carrier) in enumerate(BASES)]


def _demo_customer(notes: dict[str, Note]) -> int:
    from customers.demo_accounts import DEMO_CUSTOMER
    from customers.models import Customer

    customer = Customer.objects.filter(email=DEMO_CUSTOMER[0]).first()
    if customer is None:
        return 0
    profile, created = ScentProfile.objects.get_or_create(customer=customer, defaults={
        "intensity": 3, "moods": ["calm", "cozy"], "occasions": ["evening"]})
    if created:
        profile.favorite_categories.set(FragranceCategory.objects.filter(slug__in=["aromatic", "amber"]))
        profile.favorite_notes.set([notes["lavender"], notes["vanilla"]])
        profile.disliked_notes.set([notes["patchouli"]])
    for name, description, parts in DEMO_BLENDS:
        if not Blend.objects.filter(customer=customer, name=name).exists():
            blend_create(customer=customer, name=name, description=description, actor=ACTOR,
                         components=[{"note_id": notes[slug].pk, "percentage": pct} for slug, pct in parts])
    return Blend.objects.filter(customer=customer, name__in=[b[0] for b in DEMO_BLENDS]).count()
