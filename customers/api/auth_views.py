"""/auth/: register, login, refresh (rotating), logout (blacklist) and password reset."""

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework_simplejwt.exceptions import TokenError
from rest_framework_simplejwt.tokens import RefreshToken

from customers import services
from customers.api import auth_serializers as s
from customers.api.serializers import CustomerSerializer
from moodmnky.api.exceptions import InvalidToken
from moodmnky.api.schema import ErrorSerializer
from moodmnky.api.tokens import token_pair, tokens_for


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
        body = {"customer": CustomerSerializer(customer).data, **tokens_for(customer)}
        return Response(body, status=status.HTTP_201_CREATED)


class LoginView(AuthView):
    @extend_schema(request=s.LoginSerializer, responses={200: s.TokenPairSerializer, 401: ErrorSerializer},
                   summary="Exchange email and password for a token pair")
    def post(self, request):
        data = s.LoginSerializer(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        return Response(tokens_for(data.validated_data["customer"]))


class RefreshView(AuthView):
    @extend_schema(request=s.RefreshSerializer, responses={200: s.TokenPairSerializer, 401: ErrorSerializer},
                   summary="Rotate a refresh token; the old one stops working")
    def post(self, request):
        data = s.RefreshSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        tokens = data.validated_data["tokens"]
        return Response(token_pair(access=tokens["access"], refresh=tokens["refresh"]))


class LogoutView(AuthView):
    @extend_schema(request=s.LogoutSerializer, responses={204: None, 401: ErrorSerializer},
                   summary="Blacklist a refresh token")
    def post(self, request):
        data = s.LogoutSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            RefreshToken(data.validated_data["refresh_token"]).blacklist()
        except TokenError:
            raise InvalidToken() from None
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
