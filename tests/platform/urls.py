from django.urls import path

from moodmnky.urls import handler500  # noqa: F401  (the API keeps its envelope for last-resort 500s)
from moodmnky.urls import urlpatterns as site_urlpatterns
from tests.platform import views

urlpatterns = [
    path("api/v1/_test/events/", views.EventListView.as_view()),
    path("api/v1/_test/validate/", views.ValidateView.as_view()),
    path("api/v1/_test/boom/", views.BoomView.as_view()),
    path("api/v1/_test/carts/<str:cart>/checkout/", views.CheckoutView.as_view()),
    path("api/v1/_test/admin/", views.AdminOnlyView.as_view()),
    path("api/v1/_test/me/", views.CustomerOnlyView.as_view()),
    *site_urlpatterns,
]
