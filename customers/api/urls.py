from django.urls import path
from rest_framework.routers import SimpleRouter

from customers.api import auth_views, views

router = SimpleRouter()
router.register("customers/addresses", views.AddressViewSet, basename="customer-address")
router.register("customers", views.CustomerViewSet, basename="customer")

urlpatterns = [
    path("auth/register/", auth_views.RegisterView.as_view(), name="auth-register"),
    path("auth/login/", auth_views.LoginView.as_view(), name="auth-login"),
    path("auth/refresh/", auth_views.RefreshView.as_view(), name="auth-refresh"),
    path("auth/logout/", auth_views.LogoutView.as_view(), name="auth-logout"),
    path("auth/password-reset/", auth_views.PasswordResetView.as_view(), name="auth-password-reset"),
    path("auth/password-reset/confirm/", auth_views.PasswordResetConfirmView.as_view(),
         name="auth-password-reset-confirm"),
    path("customers/profile/", views.ProfileView.as_view(), name="customer-profile"),
    path("customers/profile/password/", views.PasswordChangeView.as_view(), name="customer-password"),
    path("customers/profile/export/", views.ExportView.as_view(), name="customer-export"),
    path("customers/loyalty/", views.LoyaltyView.as_view(), name="customer-loyalty"),
    *router.urls,
]
