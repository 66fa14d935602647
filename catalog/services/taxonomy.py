"""Writes to categories and collections: their names appear in every product, so each clears the cache."""

from django.db import transaction

from catalog import cache as catalog_cache
from catalog.events import product_payload
from catalog.models import Category, Collection
from catalog.selectors import category_subtree_ids, product_queryset
from catalog.services.common import UNSET, save_checked
from catalog.services.locks import products_lock
from moodmnky.actors import Actor
from moodmnky.errors import NotFoundError, ValidationFailedError
from moodmnky.webhooks.services import record_event


@transaction.atomic
def category_create(*, name: str, slug: str, description: str = "", parent_id: int | None = None,
                    position: int = 0) -> Category:
    category = Category(name=name, slug=slug, description=description, parent=_parent(parent_id),
                        position=position)
    save_checked(category, field="slug")
    catalog_cache.invalidate_taxonomy()
    return category


@transaction.atomic
def category_update(*, category_id: int, name: str = UNSET, slug: str = UNSET, description: str = UNSET,
                    parent_id: int | None = UNSET, position: int = UNSET) -> Category:
    category = _locked(Category, category_id)
    _assign(category, name=name, slug=slug, description=description, position=position)
    if parent_id is not UNSET:
        if parent_id is not None and parent_id in category_subtree_ids(category.pk):
            raise ValidationFailedError("A category cannot sit below itself.", field="parent")
        category.parent = _parent(parent_id)
    save_checked(category, field="slug")
    catalog_cache.invalidate_taxonomy()
    return category


@transaction.atomic
def category_delete(*, actor: Actor, category_id: int) -> None:
    """Delete a category; its products lose it (each records `product.updated`), subcategories move up."""
    _delete(Category, category_id, actor=actor)


@transaction.atomic
def collection_create(*, name: str, slug: str, description: str = "", position: int = 0) -> Collection:
    collection = Collection(name=name, slug=slug, description=description, position=position)
    save_checked(collection, field="slug")
    catalog_cache.invalidate_taxonomy()
    return collection


@transaction.atomic
def collection_update(*, collection_id: int, name: str = UNSET, slug: str = UNSET, description: str = UNSET,
                      position: int = UNSET) -> Collection:
    collection = _locked(Collection, collection_id)
    _assign(collection, name=name, slug=slug, description=description, position=position)
    save_checked(collection, field="slug")
    catalog_cache.invalidate_taxonomy()
    return collection


@transaction.atomic
def collection_delete(*, actor: Actor, collection_id: int) -> None:
    """Delete a collection; each of its products records `product.updated`."""
    _delete(Collection, collection_id, actor=actor)


def _delete(model, pk: int, *, actor: Actor) -> None:
    """Delete a category or collection. Its products are locked first (id order), then the node: deleting a
    category writes its products' rows (category_id becomes NULL), and a product write that sets this node
    holds the product while its foreign key waits for the node (docs/catalog.md "Lock order")."""
    members = model.objects.filter(pk=pk).exclude(products=None).values_list("products", flat=True)
    products_lock(members)
    node = _locked(model, pk)
    product_ids = list(node.products.values_list("pk", flat=True))
    node.delete()
    catalog_cache.invalidate_taxonomy()
    for product in product_queryset(admin=True).filter(pk__in=product_ids).order_by("pk"):
        record_event("product.updated", product_payload(product), actor=actor)


def _locked(model, pk: int):
    node = model.objects.select_for_update().filter(pk=pk).first()
    if node is None:
        raise NotFoundError(f"No such {model._meta.verbose_name}.")
    return node


def _assign(node: Category | Collection, **fields) -> None:
    for field, value in fields.items():
        if value is not UNSET:
            setattr(node, field, value)


def _parent(parent_id: int | None) -> Category | None:
    if parent_id is None:
        return None
    parent = Category.objects.filter(pk=parent_id).first()
    if parent is None:
        raise ValidationFailedError("No category with this id.", field="parent")
    return parent
