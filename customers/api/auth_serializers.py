from django.contrib.auth import authenticate
from rest_framework import serializers
from rest_framework_simplejwt.exceptions import TokenError
from rest_framework_simplejwt.serializers import TokenRefreshSerializer

from customers.models import Customer
from moodmnky.api.exceptions import InvalidCredentials, InvalidToken
from moodmnky.api.tokens import SessionRefreshToken, token_is_current


class RegisterSerializer(serializers.Serializer):
    email = serializers.EmailField(max_length=254)
    password = serializers.CharField(write_only=True, max_length=128, style={"input_type": "password"})
    first_name = serializers.CharField(max_length=150, required=False, allow_blank=True, default="")
    last_name = serializers.CharField(max_length=150, required=False, allow_blank=True, default="")


class LoginSerializer(serializers.Serializer):
    email = serializers.EmailField()
    password = serializers.CharField(write_only=True, max_length=128, style={"input_type": "password"})

    def validate(self, attrs):
        customer = authenticate(self.context.get("request"), email=attrs["email"], password=attrs["password"])
        if customer is None:
            raise InvalidCredentials()
        attrs["customer"] = customer
        return attrs


class TokenPairSerializer(serializers.Serializer):
    """What login, register and refresh answer."""

    access_token = serializers.CharField()
    refresh_token = serializers.CharField()
    expires_in = serializers.IntegerField(help_text="Seconds until the access token expires.")
    token_type = serializers.CharField(default="Bearer")


class RegisterResponseSerializer(TokenPairSerializer):
    from customers.api.serializers import CustomerSerializer

    customer = CustomerSerializer()


class RefreshSerializer(serializers.Serializer):
    refresh_token = serializers.CharField()

    def validate(self, attrs):
        try:
            token = SessionRefreshToken(attrs["refresh_token"])
        except TokenError:
            raise InvalidToken() from None
        customer = Customer.objects.filter(pk=token.get("user_id"), is_active=True).first()
        if customer is None or not token_is_current(customer, token.payload):
            raise InvalidToken()
        rotated = TokenRefreshSerializer(data={"refresh": attrs["refresh_token"]})
        try:
            rotated.is_valid(raise_exception=True)
        except Exception:
            raise InvalidToken() from None
        attrs["tokens"] = rotated.validated_data
        return attrs


class LogoutSerializer(serializers.Serializer):
    refresh_token = serializers.CharField()


class PasswordResetSerializer(serializers.Serializer):
    # Any string: the contract answers 202 always, so a malformed address learns nothing either.
    email = serializers.CharField(max_length=254, allow_blank=True)


class PasswordResetConfirmSerializer(serializers.Serializer):
    token = serializers.CharField(max_length=300)
    password = serializers.CharField(write_only=True, max_length=128)
