from rest_framework import serializers


class RegisterSerializer(serializers.Serializer):
    email = serializers.EmailField(max_length=254)
    password = serializers.CharField(write_only=True, max_length=128, style={"input_type": "password"})
    first_name = serializers.CharField(max_length=150, required=False, allow_blank=True, default="")
    last_name = serializers.CharField(max_length=150, required=False, allow_blank=True, default="")


class LoginSerializer(serializers.Serializer):
    email = serializers.EmailField()
    password = serializers.CharField(write_only=True, max_length=128, style={"input_type": "password"})


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
    refresh_token = serializers.CharField(max_length=2000)


class LogoutSerializer(serializers.Serializer):
    refresh_token = serializers.CharField(max_length=2000)


class PasswordResetSerializer(serializers.Serializer):
    # Any string: the contract answers 202 always, so a malformed address learns nothing either.
    email = serializers.CharField(max_length=254, allow_blank=True)


class PasswordResetConfirmSerializer(serializers.Serializer):
    token = serializers.CharField(max_length=300)
    password = serializers.CharField(write_only=True, max_length=128)
