from rest_framework.routers import SimpleRouter

from moodmnky.webhooks.api import views

router = SimpleRouter()
router.register("webhooks/deliveries", views.WebhookDeliveryViewSet, basename="webhook-delivery")
router.register("webhooks", views.WebhookViewSet, basename="webhook")

urlpatterns = router.urls
