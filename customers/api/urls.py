from django.urls import path

from customers.api import auth_views

urlpatterns = [
    path("auth/register/", auth_views.RegisterView.as_view(), name="auth-register"),
    path("auth/login/", auth_views.LoginView.as_view(), name="auth-login"),
    path("auth/refresh/", auth_views.RefreshView.as_view(), name="auth-refresh"),
    path("auth/logout/", auth_views.LogoutView.as_view(), name="auth-logout"),
    path("auth/password-reset/", auth_views.PasswordResetView.as_view(), name="auth-password-reset"),
    path("auth/password-reset/confirm/", auth_views.PasswordResetConfirmView.as_view(),
         name="auth-password-reset-confirm"),
]
