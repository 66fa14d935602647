from typing import Literal

WebhookEventTypeEnum = Literal[
    "*",
    "blend.approved",
    "blend.created",
    "blend.rejected",
    "blend.submitted",
    "customer.created",
    "inventory.low_stock",
    "inventory.updated",
    "order.cancelled",
    "order.confirmed",
    "order.created",
    "order.delivered",
    "order.paid",
    "order.refunded",
    "order.shipped",
    "order.status_updated",
    "product.created",
    "product.deleted",
    "product.updated",
]

WEBHOOK_EVENT_TYPE_ENUM_VALUES: set[WebhookEventTypeEnum] = {
    "*",
    "blend.approved",
    "blend.created",
    "blend.rejected",
    "blend.submitted",
    "customer.created",
    "inventory.low_stock",
    "inventory.updated",
    "order.cancelled",
    "order.confirmed",
    "order.created",
    "order.delivered",
    "order.paid",
    "order.refunded",
    "order.shipped",
    "order.status_updated",
    "product.created",
    "product.deleted",
    "product.updated",
}


def check_webhook_event_type_enum(value: str) -> WebhookEventTypeEnum:
    if value in WEBHOOK_EVENT_TYPE_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WEBHOOK_EVENT_TYPE_ENUM_VALUES!r}")
