from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.fulfillment_status_enum import FulfillmentStatusEnum, check_fulfillment_status_enum
from ..models.order_payment_status_enum import OrderPaymentStatusEnum, check_order_payment_status_enum
from ..models.order_status_enum import OrderStatusEnum, check_order_status_enum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.fulfillment import Fulfillment
    from ..models.order_event import OrderEvent
    from ..models.order_line import OrderLine
    from ..models.payment import Payment
    from ..models.refund import Refund


T = TypeVar("T", bound="Order")


@_attrs_define
class Order:
    """The Order (DESIGN §4). orders.events.order_payload builds the same dict for webhooks (tested)."""

    id: str
    number: str
    customer: int | None
    email: str
    lines: list[OrderLine]
    item_count: int
    discount_codes: Any
    """ [{"code", "type", "amount"}] as charged """
    shipping_address: Any
    billing_address: Any
    fulfillments: list[Fulfillment]
    payments: list[Payment]
    refunds: list[Refund]
    events: list[OrderEvent]
    created_at: datetime.datetime
    updated_at: datetime.datetime
    paid_at: datetime.datetime | None
    cancelled_at: datetime.datetime | None
    status: OrderStatusEnum | Unset = UNSET
    """ * `pending` - Pending
    * `confirmed` - Confirmed
    * `processing` - Processing
    * `shipped` - Shipped
    * `delivered` - Delivered
    * `cancelled` - Cancelled """
    payment_status: OrderPaymentStatusEnum | Unset = UNSET
    """ * `unpaid` - Unpaid
    * `paid` - Paid
    * `partially_refunded` - Partially refunded
    * `refunded` - Refunded """
    fulfillment_status: FulfillmentStatusEnum | Unset = UNSET
    """ * `unfulfilled` - Unfulfilled
    * `partial` - Partial
    * `fulfilled` - Fulfilled """
    subtotal: str | Unset = UNSET
    discount_total: str | Unset = UNSET
    shipping_total: str | Unset = UNSET
    tax_total: str | Unset = UNSET
    total: str | Unset = UNSET
    amount_paid: str | Unset = UNSET
    amount_refunded: str | Unset = UNSET
    currency: str | Unset = UNSET
    shipping_method: str | Unset = UNSET
    note: str | Unset = UNSET
    ready_by: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        number = self.number

        customer: int | None
        customer = self.customer

        email = self.email

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        item_count = self.item_count

        discount_codes = self.discount_codes

        shipping_address = self.shipping_address

        billing_address = self.billing_address

        fulfillments = []
        for fulfillments_item_data in self.fulfillments:
            fulfillments_item = fulfillments_item_data.to_dict()
            fulfillments.append(fulfillments_item)

        payments = []
        for payments_item_data in self.payments:
            payments_item = payments_item_data.to_dict()
            payments.append(payments_item)

        refunds = []
        for refunds_item_data in self.refunds:
            refunds_item = refunds_item_data.to_dict()
            refunds.append(refunds_item)

        events = []
        for events_item_data in self.events:
            events_item = events_item_data.to_dict()
            events.append(events_item)

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        paid_at: None | str
        if isinstance(self.paid_at, datetime.datetime):
            paid_at = self.paid_at.isoformat()
        else:
            paid_at = self.paid_at

        cancelled_at: None | str
        if isinstance(self.cancelled_at, datetime.datetime):
            cancelled_at = self.cancelled_at.isoformat()
        else:
            cancelled_at = self.cancelled_at

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status

        payment_status: str | Unset = UNSET
        if not isinstance(self.payment_status, Unset):
            payment_status = self.payment_status

        fulfillment_status: str | Unset = UNSET
        if not isinstance(self.fulfillment_status, Unset):
            fulfillment_status = self.fulfillment_status

        subtotal = self.subtotal

        discount_total = self.discount_total

        shipping_total = self.shipping_total

        tax_total = self.tax_total

        total = self.total

        amount_paid = self.amount_paid

        amount_refunded = self.amount_refunded

        currency = self.currency

        shipping_method = self.shipping_method

        note = self.note

        ready_by: None | str | Unset
        if isinstance(self.ready_by, Unset):
            ready_by = UNSET
        elif isinstance(self.ready_by, datetime.date):
            ready_by = self.ready_by.isoformat()
        else:
            ready_by = self.ready_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "number": number,
                "customer": customer,
                "email": email,
                "lines": lines,
                "item_count": item_count,
                "discount_codes": discount_codes,
                "shipping_address": shipping_address,
                "billing_address": billing_address,
                "fulfillments": fulfillments,
                "payments": payments,
                "refunds": refunds,
                "events": events,
                "created_at": created_at,
                "updated_at": updated_at,
                "paid_at": paid_at,
                "cancelled_at": cancelled_at,
            }
        )
        if status is not UNSET:
            field_dict["status"] = status
        if payment_status is not UNSET:
            field_dict["payment_status"] = payment_status
        if fulfillment_status is not UNSET:
            field_dict["fulfillment_status"] = fulfillment_status
        if subtotal is not UNSET:
            field_dict["subtotal"] = subtotal
        if discount_total is not UNSET:
            field_dict["discount_total"] = discount_total
        if shipping_total is not UNSET:
            field_dict["shipping_total"] = shipping_total
        if tax_total is not UNSET:
            field_dict["tax_total"] = tax_total
        if total is not UNSET:
            field_dict["total"] = total
        if amount_paid is not UNSET:
            field_dict["amount_paid"] = amount_paid
        if amount_refunded is not UNSET:
            field_dict["amount_refunded"] = amount_refunded
        if currency is not UNSET:
            field_dict["currency"] = currency
        if shipping_method is not UNSET:
            field_dict["shipping_method"] = shipping_method
        if note is not UNSET:
            field_dict["note"] = note
        if ready_by is not UNSET:
            field_dict["ready_by"] = ready_by

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fulfillment import Fulfillment  # noqa: PLC0415
        from ..models.order_event import OrderEvent  # noqa: PLC0415
        from ..models.order_line import OrderLine  # noqa: PLC0415
        from ..models.payment import Payment  # noqa: PLC0415
        from ..models.refund import Refund  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        number = d.pop("number")

        def _parse_customer(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        customer = _parse_customer(d.pop("customer"))

        email = d.pop("email")

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = OrderLine.from_dict(lines_item_data)

            lines.append(lines_item)

        item_count = d.pop("item_count")

        discount_codes = d.pop("discount_codes")

        shipping_address = d.pop("shipping_address")

        billing_address = d.pop("billing_address")

        fulfillments = []
        _fulfillments = d.pop("fulfillments")
        for fulfillments_item_data in _fulfillments:
            fulfillments_item = Fulfillment.from_dict(fulfillments_item_data)

            fulfillments.append(fulfillments_item)

        payments = []
        _payments = d.pop("payments")
        for payments_item_data in _payments:
            payments_item = Payment.from_dict(payments_item_data)

            payments.append(payments_item)

        refunds = []
        _refunds = d.pop("refunds")
        for refunds_item_data in _refunds:
            refunds_item = Refund.from_dict(refunds_item_data)

            refunds.append(refunds_item)

        events = []
        _events = d.pop("events")
        for events_item_data in _events:
            events_item = OrderEvent.from_dict(events_item_data)

            events.append(events_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_paid_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                paid_at_type_0 = datetime.datetime.fromisoformat(data)

                return paid_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        paid_at = _parse_paid_at(d.pop("paid_at"))

        def _parse_cancelled_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cancelled_at_type_0 = datetime.datetime.fromisoformat(data)

                return cancelled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        cancelled_at = _parse_cancelled_at(d.pop("cancelled_at"))

        _status = d.pop("status", UNSET)
        status: OrderStatusEnum | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = check_order_status_enum(_status)

        _payment_status = d.pop("payment_status", UNSET)
        payment_status: OrderPaymentStatusEnum | Unset
        if isinstance(_payment_status, Unset):
            payment_status = UNSET
        else:
            payment_status = check_order_payment_status_enum(_payment_status)

        _fulfillment_status = d.pop("fulfillment_status", UNSET)
        fulfillment_status: FulfillmentStatusEnum | Unset
        if isinstance(_fulfillment_status, Unset):
            fulfillment_status = UNSET
        else:
            fulfillment_status = check_fulfillment_status_enum(_fulfillment_status)

        subtotal = d.pop("subtotal", UNSET)

        discount_total = d.pop("discount_total", UNSET)

        shipping_total = d.pop("shipping_total", UNSET)

        tax_total = d.pop("tax_total", UNSET)

        total = d.pop("total", UNSET)

        amount_paid = d.pop("amount_paid", UNSET)

        amount_refunded = d.pop("amount_refunded", UNSET)

        currency = d.pop("currency", UNSET)

        shipping_method = d.pop("shipping_method", UNSET)

        note = d.pop("note", UNSET)

        def _parse_ready_by(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ready_by_type_0 = datetime.date.fromisoformat(data)

                return ready_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        ready_by = _parse_ready_by(d.pop("ready_by", UNSET))

        order = cls(
            id=id,
            number=number,
            customer=customer,
            email=email,
            lines=lines,
            item_count=item_count,
            discount_codes=discount_codes,
            shipping_address=shipping_address,
            billing_address=billing_address,
            fulfillments=fulfillments,
            payments=payments,
            refunds=refunds,
            events=events,
            created_at=created_at,
            updated_at=updated_at,
            paid_at=paid_at,
            cancelled_at=cancelled_at,
            status=status,
            payment_status=payment_status,
            fulfillment_status=fulfillment_status,
            subtotal=subtotal,
            discount_total=discount_total,
            shipping_total=shipping_total,
            tax_total=tax_total,
            total=total,
            amount_paid=amount_paid,
            amount_refunded=amount_refunded,
            currency=currency,
            shipping_method=shipping_method,
            note=note,
            ready_by=ready_by,
        )

        order.additional_properties = d
        return order

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
