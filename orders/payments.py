"""Payment gateways: one small interface (authorize, capture, refund), chosen by the PAYMENT_GATEWAY setting.

The built-in `test` gateway never leaves the process: `tok_success` is accepted, `tok_declined` is
declined (402 `payment_declined`), `tok_error` is a provider failure (502 `payment_error`). The
`manual` gateway records money taken outside the platform (staff "mark paid": phone, invoice, cash).
"""

import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string

from moodmnky.errors import PaymentDeclinedError, PaymentGatewayError, ValidationFailedError


@dataclass(frozen=True)
class GatewayResult:
    """What a gateway answered: its reference for the charge or refund, and the raw response to keep."""

    reference: str
    amount: Decimal
    raw: dict = field(default_factory=dict)


class PaymentGateway(Protocol):
    name: str

    def authorize(self, *, amount: Decimal, currency: str, token: str, reference: str) -> GatewayResult:
        """Hold `amount` on the payment method; raises PaymentDeclinedError or PaymentGatewayError."""

    def capture(self, *, authorization: str, amount: Decimal) -> GatewayResult:
        """Take the held money; raises PaymentGatewayError."""

    def void(self, *, authorization: str) -> GatewayResult:
        """Release a hold (or give back a capture that our database could not record)."""

    def refund(self, *, charge: str, amount: Decimal) -> GatewayResult:
        """Give back part or all of a captured charge; raises PaymentGatewayError."""


class TestGateway:
    """Deterministic outcomes by token, for development, demos and the test suite."""

    name = "test"
    TOKENS = ("tok_success", "tok_declined", "tok_error")

    def authorize(self, *, amount, currency, token, reference):
        if token == "tok_declined":
            raise PaymentDeclinedError("The card was declined.", field="payment.token",
                                       decline_code="card_declined")
        if token == "tok_error":
            raise PaymentGatewayError("The payment provider did not answer; nothing was charged.")
        if token != "tok_success":
            raise ValidationFailedError(f"Unknown test token; use one of {', '.join(self.TOKENS)}.",
                                        field="payment.token")
        return self._result("auth", amount, {"status": "authorized", "amount": str(amount), "currency": currency,
                                             "reference": reference})

    def capture(self, *, authorization, amount):
        return self._result("ch", amount, {"status": "captured", "authorization": authorization,
                                           "amount": str(amount)})

    def void(self, *, authorization):
        return self._result("void", Decimal("0"), {"status": "voided", "authorization": authorization})

    def refund(self, *, charge, amount):
        return self._result("re", amount, {"status": "refunded", "charge": charge, "amount": str(amount)})

    @staticmethod
    def _result(prefix: str, amount: Decimal, raw: dict) -> GatewayResult:
        reference = f"{prefix}_test_{uuid.uuid4().hex[:16]}"
        return GatewayResult(reference=reference, amount=amount, raw={"id": reference, **raw})


class ManualGateway(TestGateway):
    """Money staff took outside the platform: every authorization succeeds; refunds are paid back by hand."""

    name = "manual"

    def authorize(self, *, amount, currency, token, reference):
        return self._result("manual", amount, {"status": "recorded", "amount": str(amount), "currency": currency})


GATEWAYS = {"test": TestGateway, "manual": ManualGateway}


def gateway_get(name: str | None = None) -> PaymentGateway:
    """The gateway called `name` (default: settings.PAYMENT_GATEWAY); a dotted path names a custom class."""
    name = name or settings.PAYMENT_GATEWAY
    cls = GATEWAYS.get(name) or (import_string(name) if "." in name else None)
    if cls is None:
        raise ValidationFailedError(f"Unknown payment gateway {name!r}.", field="payment.gateway")
    return cls()


def checkout_gateway(requested: str) -> PaymentGateway:
    """The gateway a shopper may pay with: only the configured one (400 naming payment.gateway otherwise)."""
    gateway = gateway_get(settings.PAYMENT_GATEWAY)
    if requested not in (settings.PAYMENT_GATEWAY, gateway.name):
        raise ValidationFailedError(f"Payments go through the {gateway.name!r} gateway.", field="payment.gateway")
    return gateway
