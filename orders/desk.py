"""The fulfilment desk: what staff do from an order's own page in the admin (pay, process, fulfil, deliver,
cancel, refund), each a form whose `run()` calls the same orders service as the API, with the staff member
as actor. `DESK` says which permission each needs and in which state of the order it is offered
(the lifecycle table in orders/services/lifecycle.py); orders/admin.py wires them to URLs and buttons."""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django import forms
from django.conf import settings

from moodmnky.actors import Actor
from orders import services
from orders.models import Order, OrderLine
from orders.services.fulfillments import FULFILLABLE
from orders.services.lines import LINE_KINDS, kind_of_line

S = Order.Status


class DeskForm(forms.Form):
    """A form about one order (loaded with its lines); `run(actor)` calls the service and returns the order."""

    explanation = ""

    def __init__(self, order: Order, *args, **kwargs):
        self.order = order
        super().__init__(*args, **kwargs)

    def run(self, actor: Actor) -> Order:
        raise NotImplementedError

    def line_rows(self) -> list[dict]:
        """The per-line inputs, for the template's lines table."""
        return []


class PayForm(DeskForm):
    explanation = ("Record the payment of this pending order (phone, invoice, cash: the manual gateway), or "
                   "charge a card token through the store's gateway. It becomes confirmed and paid.")
    gateway = forms.ChoiceField()
    token = forms.CharField(max_length=255, required=False, help_text="Only for a card gateway.")

    def __init__(self, order, *args, **kwargs):
        super().__init__(order, *args, **kwargs)
        choices = [("manual", "Manual (money taken outside the shop)")]
        if settings.PAYMENT_GATEWAY != "manual":
            choices.append((settings.PAYMENT_GATEWAY, f"Card ({settings.PAYMENT_GATEWAY} gateway)"))
        self.fields["gateway"].choices = choices

    def run(self, actor):
        return services.order_pay(order_id=self.order.pk, actor=actor, gateway=self.cleaned_data["gateway"],
                                  token=self.cleaned_data["token"])


class StatusForm(DeskForm):
    """A plain move along the lifecycle table (processing, delivered)."""

    status = ""
    note = forms.CharField(max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 2}))
    notify_customer = forms.BooleanField(required=False, initial=True)

    def run(self, actor):
        return services.order_status_update(order_id=self.order.pk, status=self.status, actor=actor,
                                            note=self.cleaned_data["note"],
                                            notify_customer=self.cleaned_data["notify_customer"])


class ProcessForm(StatusForm):
    explanation = "Start preparing the order (made-to-order lines are poured and cured now)."
    status = S.PROCESSING


class DeliverForm(StatusForm):
    explanation = "The carrier delivered the order."
    status = S.DELIVERED


class LinesMixin:
    """One number input per line (`line_<id>`), only for this order's lines: a forged id is never read."""

    def add_line_fields(self, lines: list[OrderLine], *, left, initial, help_text=lambda line: ""):
        self.lines = [line for line in lines if left(line) > 0]
        for line in self.lines:
            self.fields[f"line_{line.pk}"] = forms.IntegerField(
                min_value=0, max_value=left(line), initial=initial(line), required=False,
                label=f"{line.sku} — {line.name}", help_text=help_text(line))

    def chosen_lines(self) -> list[dict]:
        return [{"line_id": line.pk, "quantity": self.cleaned_data.get(f"line_{line.pk}") or 0}
                for line in self.lines if self.cleaned_data.get(f"line_{line.pk}")]

    def line_rows(self):
        return [{"line": line, "quantity": self[f"line_{line.pk}"],
                 "restock": self[f"restock_{line.pk}"] if f"restock_{line.pk}" in self.fields else None}
                for line in self.lines]


class FulfilForm(LinesMixin, DeskForm):
    explanation = ("Ship the units below as one parcel. Shipping the last units ships the order; the customer "
                   "gets an email with the tracking number for every parcel.")
    carrier = forms.CharField(max_length=64, required=False)
    tracking_number = forms.CharField(max_length=128, required=False)
    tracking_url = forms.URLField(max_length=500, required=False, assume_scheme="https")
    notify_customer = forms.BooleanField(required=False, initial=True)

    def __init__(self, order, *args, **kwargs):
        super().__init__(order, *args, **kwargs)
        # A confirmed order ships made-to-order lines only after processing: they start at 0 here.
        poured_later = order.status == S.CONFIRMED
        self.add_line_fields(
            list(order.lines.all()), left=lambda line: line.quantity_unfulfilled,
            initial=lambda line: 0 if poured_later and line.is_made_to_order else line.quantity_unfulfilled,
            help_text=lambda line: "made to order: move the order to processing first"
            if poured_later and line.is_made_to_order else "")

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not self.chosen_lines():
            raise forms.ValidationError("Choose at least one unit to ship.")
        return cleaned

    def run(self, actor):
        data = self.cleaned_data
        return services.order_fulfill(order_id=self.order.pk, actor=actor, lines=self.chosen_lines(),
                                      carrier=data["carrier"], tracking_number=data["tracking_number"],
                                      tracking_url=data["tracking_url"], notify_customer=data["notify_customer"])


class CancelForm(DeskForm):
    explanation = ("Cancelling puts every unit that has not shipped back in stock, refunds what was paid and "
                   "emails the customer once.")
    reason = forms.CharField(max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 2}))
    notify_customer = forms.BooleanField(required=False, initial=True)

    def run(self, actor):
        return services.order_cancel(order_id=self.order.pk, actor=actor, reason=self.cleaned_data["reason"],
                                     notify_customer=self.cleaned_data["notify_customer"])


class RefundForm(LinesMixin, DeskForm):
    explanation = ("Refund an amount, lines, or both. Lines are marked refunded and, when ticked, go back in "
                   "stock (custom blends cannot: they were poured). An empty amount refunds what the chosen "
                   "lines were paid, or with no line chosen everything left to refund.")
    amount = forms.DecimalField(max_digits=12, decimal_places=2, min_value=Decimal("0.01"), required=False)
    reason = forms.CharField(max_length=255, required=False)
    notify_customer = forms.BooleanField(required=False, initial=True)

    def __init__(self, order, *args, **kwargs):
        super().__init__(order, *args, **kwargs)
        self.fields["amount"].help_text = f"At most {order.refundable_amount} {order.currency}."
        self.add_line_fields(list(order.lines.all()), left=lambda line: line.quantity - line.quantity_refunded,
                             initial=lambda line: 0)
        for line in self.lines:
            if LINE_KINDS[kind_of_line(line)].restockable_on_refund:
                self.fields[f"restock_{line.pk}"] = forms.BooleanField(required=False, label="back in stock")

    def chosen_lines(self):
        return [{**item, "restock": bool(self.cleaned_data.get(f"restock_{item['line_id']}"))}
                for item in super().chosen_lines()]

    def run(self, actor):
        lines = self.chosen_lines()
        amount = self.cleaned_data["amount"]
        if amount is None:
            amount = (services.refund_value_of_lines(self.order, lines) if lines
                      else self.order.refundable_amount)
        return services.order_refund(order_id=self.order.pk, actor=actor, amount=amount, lines=lines or None,
                                     reason=self.cleaned_data["reason"],
                                     notify_customer=self.cleaned_data["notify_customer"])


@dataclass(frozen=True)
class DeskAction:
    label: str  # the button on the order's page and the title of the form
    permission: str  # codename in the orders app: the staff member needs orders.<permission>
    offered: Callable[[Order], bool]  # in which state of the order the button shows (the services decide)
    form: type[DeskForm]
    done: str  # "<number> <done>." in the success message


def _can_move(order: Order, to_status: str) -> bool:
    return to_status in services.TRANSITIONS.get(order.status, ())


DESK: dict[str, DeskAction] = {
    "pay": DeskAction("Record payment", "pay_order",
                      lambda o: o.status == S.PENDING and o.payment_status == Order.PaymentStatus.UNPAID,
                      PayForm, "is paid"),
    "process": DeskAction("Start processing", "fulfil_order", lambda o: _can_move(o, S.PROCESSING),
                          ProcessForm, "is processing"),
    "fulfil": DeskAction("Fulfil", "fulfil_order",
                         lambda o: o.status in FULFILLABLE
                         and o.fulfillment_status != Order.FulfillmentStatus.FULFILLED,
                         FulfilForm, "has a new parcel"),
    "deliver": DeskAction("Mark delivered", "fulfil_order", lambda o: _can_move(o, S.DELIVERED),
                          DeliverForm, "is delivered"),
    "cancel": DeskAction("Cancel order", "cancel_order", lambda o: _can_move(o, S.CANCELLED), CancelForm,
                         "is cancelled"),
    "refund": DeskAction("Refund", "refund_order", lambda o: o.refundable_amount > 0, RefundForm,
                         "is refunded"),
}


def desk_buttons(order: Order, user) -> list[tuple[str, str]]:
    """(action name, label) of every desk action this order's state offers and this user may take."""
    return [(name, action.label) for name, action in DESK.items()
            if action.offered(order) and user.has_perm(f"orders.{action.permission}")]
