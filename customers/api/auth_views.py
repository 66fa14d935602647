"""/auth/: register, login (failures limited per account), refresh (rotating), logout and password reset."""

from django.contrib.auth import authenticate
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.exceptions import Throttled
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from customers import services
from customers.api import auth_serializers as s
from customers.api.serializers import CustomerSerializer
from moodmnky.api.exceptions import InvalidCredentials
from moodmnky.api.ratelimit import login_attempt_start, login_attempt_succeeded
from moodmnky.api.schema import ErrorSerializer


class AuthView(APIView):
    permission_classes = [AllowAny]
    authentication_classes: list = []  # credentials travel in the body here, never in headers


class RegisterView(AuthView):
    @extend_schema(request=s.RegisterSerializer, responses={201: s.RegisterResponseSerializer},
                   summary="Create a customer account and sign it in")
    def post(self, request):
        data = s.RegisterSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        customer = services.customer_register(**data.validated_data)
        body = {"customer": CustomerSerializer(customer).data, **services.session_start(customer=customer)}
        return Response(body, status=status.HTTP_201_CREATED)


class LoginView(AuthView):
    @extend_schema(request=s.LoginSerializer,
                   responses={200: s.TokenPairSerializer, 401: ErrorSerializer, 429: ErrorSerializer},
                   summary="Exchange email and password for a token pair",
                   description="After `LOGIN_FAILURE_LIMIT` failed logins for one account (10 per 15 minutes "
                               "by default, from any address) it answers 429 with `Retry-After` until the "
                               "window ends, whatever the password.")
    def post(self, request):
        data = s.LoginSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        email, password = data.validated_data["email"], data.validated_data["password"]
        wait = login_attempt_start(request, email)
        if wait:
            raise Throttled(wait=wait, detail=f"Too many failed logins for this account; retry in {wait} seconds.")
        customer = authenticate(request, email=email, password=password)
        if customer is None:
            raise InvalidCredentials()
        login_attempt_succeeded(request, email)
        return Response(services.session_start(customer=customer))


class RefreshView(AuthView):
    @extend_schema(request=s.RefreshSerializer, responses={200: s.TokenPairSerializer, 401: ErrorSerializer},
                   summary="Rotate a refresh token; the old one stops working",
                   description="Of concurrent refreshes of one token exactly one succeeds. Presenting a refresh "
                               "token that was already rotated ends that whole login session (reuse detection).")
    def post(self, request):
        data = s.RefreshSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return Response(services.session_refresh(**data.validated_data))


class LogoutView(AuthView):
    @extend_schema(request=s.LogoutSerializer, responses={204: None, 401: ErrorSerializer},
                   summary="End the login session: its refresh and access tokens stop working at once")
    def post(self, request):
        data = s.LogoutSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.session_logout(**data.validated_data)
        return Response(status=status.HTTP_204_NO_CONTENT)


class PasswordResetView(AuthView):
    @extend_schema(request=s.PasswordResetSerializer, responses={202: None},
                   summary="Email a password-reset link (always 202: no account enumeration)")
    def post(self, request):
        data = s.PasswordResetSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.password_reset_request(**data.validated_data)
        return Response({"detail": "If an account exists for this email, a reset link is on its way."},
                        status=status.HTTP_202_ACCEPTED)


class PasswordResetConfirmView(AuthView):
    @extend_schema(request=s.PasswordResetConfirmSerializer, responses={204: None},
                   summary="Set a new password with a reset token; every session ends")
    def post(self, request):
        data = s.PasswordResetConfirmSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.password_reset_confirm(**data.validated_data)
        return Response(status=status.HTTP_204_NO_CONTENT)
