from django.urls import path
from rest_framework.routers import SimpleRouter

from catalog.api import inventory_views, views

router = SimpleRouter()
router.register("products", views.ProductViewSet, basename="product")
router.register("variants", views.VariantViewSet, basename="variant")
router.register("media", views.MediaViewSet, basename="media")
router.register("categories", views.CategoryViewSet, basename="category")
router.register("collections", views.CollectionViewSet, basename="collection")

urlpatterns = [
    path("inventory/", inventory_views.InventoryListView.as_view(), name="inventory-list"),
    path("inventory/adjustments/", inventory_views.StockAdjustmentView.as_view(), name="inventory-adjustments"),
    path("inventory/bulk/", inventory_views.InventoryBulkView.as_view(), name="inventory-bulk"),
    path("inventory/movements/", inventory_views.StockMovementListView.as_view(), name="inventory-movements"),
    *router.urls,
]
