from django.urls import path
from rest_framework.routers import SimpleRouter

from orders.api import views

router = SimpleRouter()
router.register("orders", views.OrderViewSet, basename="order")

urlpatterns = [
    # Checkout lives here, not in carts: orders sit above carts, and carts never import orders.
    path("carts/<str:cart_id>/checkout/", views.CheckoutView.as_view(), name="cart-checkout"),
    path("customers/orders/", views.CustomerOrderListView.as_view(), name="customer-orders"),
    *router.urls,
]
