from django.urls import path
from rest_framework.routers import SimpleRouter

from carts.api import views

router = SimpleRouter()
router.register("discounts", views.DiscountViewSet, basename="discount")

urlpatterns = [
    path("carts/", views.CartCreateView.as_view(), name="cart-create"),
    path("carts/<str:cart_id>/", views.CartDetailView.as_view(), name="cart-detail"),
    path("carts/<str:cart_id>/items/", views.CartItemsView.as_view(), name="cart-items"),
    path("carts/<str:cart_id>/items/<str:item_id>/", views.CartItemDetailView.as_view(), name="cart-item-detail"),
    path("carts/<str:cart_id>/discounts/", views.CartDiscountsView.as_view(), name="cart-discounts"),
    path("carts/<str:cart_id>/discounts/<str:code>/", views.CartDiscountDetailView.as_view(),
         name="cart-discount-detail"),
    path("carts/<str:cart_id>/shipping-estimates/", views.CartShippingEstimatesView.as_view(),
         name="cart-shipping-estimates"),
    path("carts/<str:cart_id>/merge/", views.CartMergeView.as_view(), name="cart-merge"),
    *router.urls,
]
