from django.urls import path
from rest_framework.routers import SimpleRouter

from blends.api import views

router = SimpleRouter()
# The fixed paths come before the blend detail route, which would otherwise take "notes" for an id.
router.register("custom-blends/notes", views.NoteViewSet, basename="blend-note")
router.register("custom-blends/categories", views.FragranceCategoryViewSet, basename="blend-category")
router.register("custom-blends/product-bases", views.ProductBaseViewSet, basename="product-base")
router.register("custom-blends", views.BlendViewSet, basename="blend")

urlpatterns = [
    path("customers/scent-profile/", views.ScentProfileView.as_view(), name="scent-profile"),
    *router.urls,
]
