from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone

from moodmnky.money import store_currency

# A customer keeps at most this many saved addresses (checkout can still take a one-off address).
MAX_ADDRESSES_PER_CUSTOMER = 20
# Display currencies a customer may prefer; prices are still charged in settings.STORE_CURRENCY.
SUPPORTED_CURRENCIES = ["USD", "EUR", "GBP", "CAD", "AUD", "NZD", "JPY", "CHF", "SEK", "NOK", "DKK"]


def default_currency() -> str:
    return store_currency()


class ReminderFrequency(models.TextChoices):
    """How often the customer wants a refill reminder email."""

    NEVER = "never", "Never"
    WEEKLY = "weekly", "Weekly"
    MONTHLY = "monthly", "Monthly"
    QUARTERLY = "quarterly", "Quarterly"


class CustomerManager(BaseUserManager):
    use_in_migrations = True

    @classmethod
    def normalize_email(cls, email):
        """The whole address in lower case: logins, the unique index and lookups all rely on it."""
        return super().normalize_email(email or "").strip().lower()

    def get_by_natural_key(self, email):
        return self.get(email__iexact=email)

    def create_user(self, email, password=None, **fields):
        if not email:
            raise ValueError("An email address is required.")
        customer = self.model(email=self.normalize_email(email), **fields)
        customer.set_password(password)
        customer.save(using=self._db)
        return customer

    def create_superuser(self, email, password=None, **fields):
        fields.setdefault("is_staff", True)
        fields.setdefault("is_superuser", True)
        return self.create_user(email, password, **fields)


class Customer(AbstractBaseUser, PermissionsMixin):
    """A shopper's account; staff are Customers with is_staff. The email is the login."""

    email = models.EmailField(max_length=254, unique=True)
    first_name = models.CharField(max_length=150, blank=True)
    last_name = models.CharField(max_length=150, blank=True)
    phone = models.CharField(max_length=32, blank=True)
    birthday = models.DateField(null=True, blank=True)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=timezone.now)
    # Every token carries the generation it was issued in; ending sessions (password reset or change,
    # deletion) bumps it, which refuses all older tokens except those of kept_session_id (the caller
    # of a password change). A counter, not a time: tokens only have whole-second timestamps.
    session_generation = models.PositiveIntegerField(default=0, editable=False)
    kept_session_id = models.CharField(max_length=64, blank=True, editable=False)
    # Preferences: typed columns on the account (read with every profile, so no extra join).
    email_marketing = models.BooleanField(default=False)
    sms_marketing = models.BooleanField(default=False)
    preferred_currency = models.CharField(max_length=3, default=default_currency)
    reminder_frequency = models.CharField(max_length=16, choices=ReminderFrequency.choices,
                                          default=ReminderFrequency.NEVER)
    # Loyalty: cached sums of the LoyaltyTransaction ledger, changed only with F() in the ledger's
    # transaction (customers.services.loyalty); lifetime points leave out redemptions.
    loyalty_points = models.IntegerField(default=0, editable=False)
    lifetime_points = models.IntegerField(default=0, editable=False)
    anonymized_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = CustomerManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        ordering = ["-date_joined"]
        constraints = [models.UniqueConstraint(Lower("email"), name="customer_email_ci_unique")]
        indexes = [models.Index(fields=["lifetime_points"], name="customer_lifetime_points_idx")]

    def __str__(self) -> str:
        return self.email

    @property
    def membership_tier(self) -> str:
        from customers.tiers import tier_for  # settings-driven, kept out of the model module

        return tier_for(self.lifetime_points)[0]

    @property
    def is_anonymized(self) -> bool:
        return self.anonymized_at is not None

    def get_full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def get_short_name(self) -> str:
        return self.first_name

    def clean(self):
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email)

    # The session interface moodmnky.tokens relies on (AUTH_USER_MODEL): claims written into every
    # token, and whether a token with such claims is still current (customer_sessions_end bumps it).
    def token_claims(self) -> dict:
        return {"gen": self.session_generation}

    def token_is_current(self, payload) -> bool:
        if payload.get("gen", 0) == self.session_generation:
            return True
        return bool(self.kept_session_id) and payload.get("sid") == self.kept_session_id


class Address(models.Model):
    """A saved address. At most one default shipping and one default billing per customer."""

    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="addresses")
    first_name = models.CharField(max_length=150)
    last_name = models.CharField(max_length=150)
    company = models.CharField(max_length=150, blank=True)
    line1 = models.CharField(max_length=255)
    line2 = models.CharField(max_length=255, blank=True)
    city = models.CharField(max_length=150)
    region = models.CharField(max_length=100, blank=True)
    postal_code = models.CharField(max_length=16, blank=True)
    country = models.CharField(max_length=2)
    phone = models.CharField(max_length=32, blank=True)
    is_default_shipping = models.BooleanField(default=False)
    is_default_billing = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-is_default_shipping", "-is_default_billing", "-created_at", "-id"]
        verbose_name_plural = "addresses"
        constraints = [
            models.UniqueConstraint(fields=["customer"], condition=Q(is_default_shipping=True),
                                    name="address_one_default_shipping"),
            models.UniqueConstraint(fields=["customer"], condition=Q(is_default_billing=True),
                                    name="address_one_default_billing"),
        ]

    def __str__(self) -> str:
        return ", ".join(part for part in (self.line1, self.city, self.postal_code, self.country) if part)


class LoyaltyTransaction(models.Model):
    """One row of the points ledger; the balance is the sum of `points`."""

    class Type(models.TextChoices):
        EARN = "earn", "Earned"
        REVERSE = "reverse", "Reversed"
        REDEEM = "redeem", "Redeemed"
        ADJUST = "adjust", "Adjusted"

    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="loyalty_transactions")
    type = models.CharField(max_length=8, choices=Type.choices)
    points = models.IntegerField(help_text="Signed: earnings are positive, reversals and redemptions negative.")
    description = models.CharField(max_length=255, blank=True)
    # No foreign key: customers must not depend on the orders app.
    order_id = models.UUIDField(null=True, blank=True)
    # The money amount the row is about (order total for `earn`, refunded amount for `reverse`).
    amount = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    created_by = models.ForeignKey(Customer, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["customer", "-created_at"], name="loyalty_customer_created_idx"),
            models.Index(fields=["order_id"], name="loyalty_order_idx"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["order_id"], condition=Q(type="earn"), name="loyalty_one_earn_per_order"),
        ]

    def __str__(self) -> str:
        return f"{self.get_type_display()} {self.points:+d}"


class CustomerAuditEntry(models.Model):
    """Who changed what on a customer's profile or addresses, and when. `changes` = {field: [old, new]}."""

    class Action(models.TextChoices):
        PROFILE_UPDATED = "profile_updated", "Profile updated"
        PASSWORD_CHANGED = "password_changed", "Password changed"
        PASSWORD_RESET = "password_reset", "Password reset"
        ADDRESS_CREATED = "address_created", "Address created"
        ADDRESS_UPDATED = "address_updated", "Address updated"
        ADDRESS_DELETED = "address_deleted", "Address deleted"
        ANONYMIZED = "anonymized", "Account anonymised"

    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="audit_entries")
    actor = models.ForeignKey(Customer, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    # Who, in words: "customer", "staff <email>", "API key <prefix>" (kept when the actor is gone).
    actor_label = models.CharField(max_length=150, blank=True)
    action = models.CharField(max_length=32, choices=Action.choices)
    address_id = models.BigIntegerField(null=True, blank=True)  # no FK: the address may be deleted
    changes = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "audit entry"
        verbose_name_plural = "audit trail"
        indexes = [models.Index(fields=["customer", "-created_at"], name="audit_customer_created_idx")]

    def __str__(self) -> str:
        return f"{self.get_action_display()} by {self.actor_label or 'system'}"
