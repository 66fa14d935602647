"""Every write to customer data. Import from here: `from customers import services`."""

from customers.services.accounts import (
    customer_change_password,
    customer_register,
    password_reset_confirm,
    password_reset_request,
    password_reset_token,
)
from customers.services.addresses import address_clean, address_create, address_delete, address_update
from customers.services.audit import audit_record
from customers.services.loyalty import (
    loyalty_adjust,
    loyalty_adjust_check,
    loyalty_award,
    loyalty_redeem,
    loyalty_reverse,
)
from customers.services.profile import (
    CUSTOMER_ADMIN_FIELDS,
    customer_admin_update,
    customer_anonymize,
    customer_changes_clean,
    customer_currencies,
    customer_delete_account,
    customer_lock,
    customer_profile_update,
)
from customers.services.sessions import customer_sessions_end, session_logout, session_refresh, session_start

__all__ = [
    "CUSTOMER_ADMIN_FIELDS",
    "address_clean", "address_create", "address_delete", "address_update", "audit_record",
    "customer_admin_update", "customer_anonymize", "customer_change_password", "customer_changes_clean",
    "customer_currencies", "customer_delete_account", "customer_lock", "customer_profile_update",
    "customer_register", "loyalty_adjust", "loyalty_adjust_check", "loyalty_award", "loyalty_redeem",
    "loyalty_reverse", "password_reset_confirm", "password_reset_request", "password_reset_token",
    "customer_sessions_end", "session_logout", "session_refresh", "session_start",
]
