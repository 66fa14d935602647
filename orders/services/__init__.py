"""Every write of the orders app. Import from here: `from orders import services`."""

from orders.services.cancel import order_cancel, order_status_update
from orders.services.checkout import order_checkout
from orders.services.create import order_admin_create
from orders.services.fulfillments import order_fulfill
from orders.services.lifecycle import TRANSITIONS, Outbox, order_add_note, order_transition, transition_allowed
from orders.services.lines import LINE_KINDS, LineKind, register_line_kind
from orders.services.numbers import order_number_next
from orders.services.payments import order_mark_paid, order_pay
from orders.services.refunds import order_refund, refund_value_of_lines

__all__ = [
    "LINE_KINDS", "TRANSITIONS", "LineKind", "Outbox", "order_add_note", "order_admin_create", "order_cancel",
    "order_checkout", "order_fulfill", "order_mark_paid", "order_number_next", "order_pay", "order_refund",
    "order_status_update", "order_transition", "refund_value_of_lines", "register_line_kind", "transition_allowed",
]
