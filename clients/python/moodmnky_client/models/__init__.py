"""Contains all the data models used in inputs/outputs"""

from .account_history import AccountHistory
from .action_enum import ActionEnum
from .address import Address
from .address_envelope import AddressEnvelope
from .address_input import AddressInput
from .address_request import AddressRequest
from .admin_customer import AdminCustomer
from .admin_customer_envelope import AdminCustomerEnvelope
from .admin_order_create import AdminOrderCreate
from .admin_product import AdminProduct
from .admin_product_envelope import AdminProductEnvelope
from .admin_variant import AdminVariant
from .admin_variant_envelope import AdminVariantEnvelope
from .analysis import Analysis
from .blend import Blend
from .blend_envelope import BlendEnvelope
from .blend_status_enum import BlendStatusEnum
from .blend_write import BlendWrite
from .bulk_item_status import BulkItemStatus
from .bulk_response import BulkResponse
from .bulk_response_envelope import BulkResponseEnvelope
from .bulk_result import BulkResult
from .bulk_result_errors_item import BulkResultErrorsItem
from .cancel import Cancel
from .cart import Cart
from .cart_create import CartCreate
from .cart_discount_code import CartDiscountCode
from .cart_envelope import CartEnvelope
from .cart_item import CartItem
from .cart_item_create import CartItemCreate
from .cart_status_enum import CartStatusEnum
from .category import Category
from .category_envelope import CategoryEnvelope
from .category_ref import CategoryRef
from .check_status_enum import CheckStatusEnum
from .checkout import Checkout
from .collection import Collection
from .collection_envelope import CollectionEnvelope
from .collection_ref import CollectionRef
from .component import Component
from .component_input import ComponentInput
from .custom_blends_list_status import CustomBlendsListStatus
from .custom_blends_notes_list_volatility import CustomBlendsNotesListVolatility
from .customer import Customer
from .customer_envelope import CustomerEnvelope
from .customers_list_is_active import CustomersListIsActive
from .customers_orders_list_fulfillment_status import CustomersOrdersListFulfillmentStatus
from .customers_orders_list_payment_status import CustomersOrdersListPaymentStatus
from .customers_orders_list_status import CustomersOrdersListStatus
from .discount import Discount
from .discount_apply import DiscountApply
from .discount_envelope import DiscountEnvelope
from .discount_state_enum import DiscountStateEnum
from .discount_type_enum import DiscountTypeEnum
from .discount_write import DiscountWrite
from .discounts_list_state import DiscountsListState
from .discounts_list_type import DiscountsListType
from .error_envelope import ErrorEnvelope
from .error_envelope_error import ErrorEnvelopeError
from .error_envelope_error_details_item import ErrorEnvelopeErrorDetailsItem
from .error_policy_enum import ErrorPolicyEnum
from .estimate_address import EstimateAddress
from .export import Export
from .export_envelope import ExportEnvelope
from .family_share import FamilyShare
from .formulate_input import FormulateInput
from .formulation import Formulation
from .formulation_envelope import FormulationEnvelope
from .formulation_line import FormulationLine
from .fragrance_category import FragranceCategory
from .fragrance_category_envelope import FragranceCategoryEnvelope
from .fulfillment import Fulfillment
from .fulfillment_create import FulfillmentCreate
from .fulfillment_line_input import FulfillmentLineInput
from .fulfillment_line_out import FulfillmentLineOut
from .fulfillment_status_enum import FulfillmentStatusEnum
from .health import Health
from .health_checks import HealthChecks
from .health_envelope import HealthEnvelope
from .health_status_enum import HealthStatusEnum
from .ifra_category_enum import IfraCategoryEnum
from .ifra_limit import IfraLimit
from .ifra_result import IfraResult
from .inventory_bulk import InventoryBulk
from .inventory_bulk_items_item import InventoryBulkItemsItem
from .inventory_item import InventoryItem
from .inventory_list_low_stock import InventoryListLowStock
from .inventory_movements_list_reason import InventoryMovementsListReason
from .login import Login
from .logout import Logout
from .loyalty import Loyalty
from .loyalty_envelope import LoyaltyEnvelope
from .loyalty_transaction import LoyaltyTransaction
from .loyalty_transaction_type_enum import LoyaltyTransactionTypeEnum
from .media import Media
from .media_envelope import MediaEnvelope
from .media_upload import MediaUpload
from .next_tier import NextTier
from .note import Note
from .note_envelope import NoteEnvelope
from .note_ifra_limits import NoteIfraLimits
from .order import Order
from .order_envelope import OrderEnvelope
from .order_event import OrderEvent
from .order_event_list_envelope import OrderEventListEnvelope
from .order_event_type_enum import OrderEventTypeEnum
from .order_line import OrderLine
from .order_line_input import OrderLineInput
from .order_payment_status_enum import OrderPaymentStatusEnum
from .order_stats import OrderStats
from .order_status import OrderStatus
from .order_status_enum import OrderStatusEnum
from .orders_list_fulfillment_status import OrdersListFulfillmentStatus
from .orders_list_payment_status import OrdersListPaymentStatus
from .orders_list_status import OrdersListStatus
from .paginated_address_list import PaginatedAddressList
from .paginated_address_list_links import PaginatedAddressListLinks
from .paginated_address_list_meta import PaginatedAddressListMeta
from .paginated_address_list_meta_pagination import PaginatedAddressListMetaPagination
from .paginated_admin_customer_list import PaginatedAdminCustomerList
from .paginated_admin_customer_list_links import PaginatedAdminCustomerListLinks
from .paginated_admin_customer_list_meta import PaginatedAdminCustomerListMeta
from .paginated_admin_customer_list_meta_pagination import PaginatedAdminCustomerListMetaPagination
from .paginated_blend_list import PaginatedBlendList
from .paginated_blend_list_links import PaginatedBlendListLinks
from .paginated_blend_list_meta import PaginatedBlendListMeta
from .paginated_blend_list_meta_pagination import PaginatedBlendListMetaPagination
from .paginated_category_list import PaginatedCategoryList
from .paginated_category_list_links import PaginatedCategoryListLinks
from .paginated_category_list_meta import PaginatedCategoryListMeta
from .paginated_category_list_meta_pagination import PaginatedCategoryListMetaPagination
from .paginated_collection_list import PaginatedCollectionList
from .paginated_collection_list_links import PaginatedCollectionListLinks
from .paginated_collection_list_meta import PaginatedCollectionListMeta
from .paginated_collection_list_meta_pagination import PaginatedCollectionListMetaPagination
from .paginated_discount_list import PaginatedDiscountList
from .paginated_discount_list_links import PaginatedDiscountListLinks
from .paginated_discount_list_meta import PaginatedDiscountListMeta
from .paginated_discount_list_meta_pagination import PaginatedDiscountListMetaPagination
from .paginated_fragrance_category_list import PaginatedFragranceCategoryList
from .paginated_fragrance_category_list_links import PaginatedFragranceCategoryListLinks
from .paginated_fragrance_category_list_meta import PaginatedFragranceCategoryListMeta
from .paginated_fragrance_category_list_meta_pagination import PaginatedFragranceCategoryListMetaPagination
from .paginated_inventory_item_list import PaginatedInventoryItemList
from .paginated_inventory_item_list_links import PaginatedInventoryItemListLinks
from .paginated_inventory_item_list_meta import PaginatedInventoryItemListMeta
from .paginated_inventory_item_list_meta_pagination import PaginatedInventoryItemListMetaPagination
from .paginated_note_list import PaginatedNoteList
from .paginated_note_list_links import PaginatedNoteListLinks
from .paginated_note_list_meta import PaginatedNoteListMeta
from .paginated_note_list_meta_pagination import PaginatedNoteListMetaPagination
from .paginated_order_list import PaginatedOrderList
from .paginated_order_list_links import PaginatedOrderListLinks
from .paginated_order_list_meta import PaginatedOrderListMeta
from .paginated_order_list_meta_pagination import PaginatedOrderListMetaPagination
from .paginated_product_base_list import PaginatedProductBaseList
from .paginated_product_base_list_links import PaginatedProductBaseListLinks
from .paginated_product_base_list_meta import PaginatedProductBaseListMeta
from .paginated_product_base_list_meta_pagination import PaginatedProductBaseListMetaPagination
from .paginated_product_list import PaginatedProductList
from .paginated_product_list_links import PaginatedProductListLinks
from .paginated_product_list_meta import PaginatedProductListMeta
from .paginated_product_list_meta_pagination import PaginatedProductListMetaPagination
from .paginated_stock_movement_list import PaginatedStockMovementList
from .paginated_stock_movement_list_links import PaginatedStockMovementListLinks
from .paginated_stock_movement_list_meta import PaginatedStockMovementListMeta
from .paginated_stock_movement_list_meta_pagination import PaginatedStockMovementListMetaPagination
from .paginated_variant_list import PaginatedVariantList
from .paginated_variant_list_links import PaginatedVariantListLinks
from .paginated_variant_list_meta import PaginatedVariantListMeta
from .paginated_variant_list_meta_pagination import PaginatedVariantListMetaPagination
from .paginated_webhook_delivery_list import PaginatedWebhookDeliveryList
from .paginated_webhook_delivery_list_links import PaginatedWebhookDeliveryListLinks
from .paginated_webhook_delivery_list_meta import PaginatedWebhookDeliveryListMeta
from .paginated_webhook_delivery_list_meta_pagination import PaginatedWebhookDeliveryListMetaPagination
from .paginated_webhook_subscription_list import PaginatedWebhookSubscriptionList
from .paginated_webhook_subscription_list_links import PaginatedWebhookSubscriptionListLinks
from .paginated_webhook_subscription_list_meta import PaginatedWebhookSubscriptionListMeta
from .paginated_webhook_subscription_list_meta_pagination import PaginatedWebhookSubscriptionListMetaPagination
from .password_change import PasswordChange
from .password_reset import PasswordReset
from .password_reset_confirm import PasswordResetConfirm
from .patched_address import PatchedAddress
from .patched_admin_customer_update import PatchedAdminCustomerUpdate
from .patched_blend_write import PatchedBlendWrite
from .patched_cart_item_update import PatchedCartItemUpdate
from .patched_cart_update import PatchedCartUpdate
from .patched_discount_write import PatchedDiscountWrite
from .patched_product_update import PatchedProductUpdate
from .patched_profile_update import PatchedProfileUpdate
from .patched_scent_profile_write import PatchedScentProfileWrite
from .patched_status_update import PatchedStatusUpdate
from .patched_variant_update import PatchedVariantUpdate
from .patched_variant_update_options import PatchedVariantUpdateOptions
from .patched_webhook_write import PatchedWebhookWrite
from .payment import Payment
from .payment_input import PaymentInput
from .payment_status_enum import PaymentStatusEnum
from .performance import Performance
from .preferences import Preferences
from .preferences_update import PreferencesUpdate
from .preferred_currency_enum import PreferredCurrencyEnum
from .price_range import PriceRange
from .product import Product
from .product_base import ProductBase
from .product_base_envelope import ProductBaseEnvelope
from .product_base_input import ProductBaseInput
from .product_base_type_enum import ProductBaseTypeEnum
from .product_bulk import ProductBulk
from .product_bulk_items_item import ProductBulkItemsItem
from .product_create import ProductCreate
from .product_envelope import ProductEnvelope
from .product_status import ProductStatus
from .product_type_enum import ProductTypeEnum
from .products_list_in_stock import ProductsListInStock
from .products_list_order import ProductsListOrder
from .products_list_ordering import ProductsListOrdering
from .products_list_product_type import ProductsListProductType
from .products_list_sort import ProductsListSort
from .products_list_status import ProductsListStatus
from .pyramid import Pyramid
from .recommendations import Recommendations
from .recommendations_envelope import RecommendationsEnvelope
from .recommended_blend import RecommendedBlend
from .recommended_note import RecommendedNote
from .refresh import Refresh
from .refund import Refund
from .refund_create import RefundCreate
from .refund_line_input import RefundLineInput
from .register import Register
from .register_response import RegisterResponse
from .register_response_envelope import RegisterResponseEnvelope
from .reminder_frequency_enum import ReminderFrequencyEnum
from .scent_notes import ScentNotes
from .scent_profile import ScentProfile
from .scent_profile_envelope import ScentProfileEnvelope
from .scent_profile_write import ScentProfileWrite
from .shipping_estimate import ShippingEstimate
from .shipping_estimate_request import ShippingEstimateRequest
from .shipping_estimates import ShippingEstimates
from .shipping_estimates_envelope import ShippingEstimatesEnvelope
from .shipping_method import ShippingMethod
from .shipping_method_enum import ShippingMethodEnum
from .starter_component import StarterComponent
from .stock_adjustment import StockAdjustment
from .stock_adjustment_reason_enum import StockAdjustmentReasonEnum
from .stock_movement import StockMovement
from .stock_movement_envelope import StockMovementEnvelope
from .stock_movement_reason_enum import StockMovementReasonEnum
from .test_product import TestProduct
from .test_product_envelope import TestProductEnvelope
from .token_pair import TokenPair
from .token_pair_envelope import TokenPairEnvelope
from .variant import Variant
from .variant_create import VariantCreate
from .variant_create_options import VariantCreateOptions
from .variant_envelope import VariantEnvelope
from .violation import Violation
from .volatility_enum import VolatilityEnum
from .warning import Warning_
from .webhook_attempt import WebhookAttempt
from .webhook_delivery import WebhookDelivery
from .webhook_delivery_envelope import WebhookDeliveryEnvelope
from .webhook_delivery_status_enum import WebhookDeliveryStatusEnum
from .webhook_event_type_enum import WebhookEventTypeEnum
from .webhook_subscription import WebhookSubscription
from .webhook_subscription_created import WebhookSubscriptionCreated
from .webhook_subscription_created_envelope import WebhookSubscriptionCreatedEnvelope
from .webhook_subscription_envelope import WebhookSubscriptionEnvelope
from .webhook_write import WebhookWrite
from .webhooks_deliveries_list_status import WebhooksDeliveriesListStatus

__all__ = (
    "AccountHistory",
    "ActionEnum",
    "Address",
    "AddressEnvelope",
    "AddressInput",
    "AddressRequest",
    "AdminCustomer",
    "AdminCustomerEnvelope",
    "AdminOrderCreate",
    "AdminProduct",
    "AdminProductEnvelope",
    "AdminVariant",
    "AdminVariantEnvelope",
    "Analysis",
    "Blend",
    "BlendEnvelope",
    "BlendStatusEnum",
    "BlendWrite",
    "BulkItemStatus",
    "BulkResponse",
    "BulkResponseEnvelope",
    "BulkResult",
    "BulkResultErrorsItem",
    "Cancel",
    "Cart",
    "CartCreate",
    "CartDiscountCode",
    "CartEnvelope",
    "CartItem",
    "CartItemCreate",
    "CartStatusEnum",
    "Category",
    "CategoryEnvelope",
    "CategoryRef",
    "Checkout",
    "CheckStatusEnum",
    "Collection",
    "CollectionEnvelope",
    "CollectionRef",
    "Component",
    "ComponentInput",
    "CustomBlendsListStatus",
    "CustomBlendsNotesListVolatility",
    "Customer",
    "CustomerEnvelope",
    "CustomersListIsActive",
    "CustomersOrdersListFulfillmentStatus",
    "CustomersOrdersListPaymentStatus",
    "CustomersOrdersListStatus",
    "Discount",
    "DiscountApply",
    "DiscountEnvelope",
    "DiscountsListState",
    "DiscountsListType",
    "DiscountStateEnum",
    "DiscountTypeEnum",
    "DiscountWrite",
    "ErrorEnvelope",
    "ErrorEnvelopeError",
    "ErrorEnvelopeErrorDetailsItem",
    "ErrorPolicyEnum",
    "EstimateAddress",
    "Export",
    "ExportEnvelope",
    "FamilyShare",
    "FormulateInput",
    "Formulation",
    "FormulationEnvelope",
    "FormulationLine",
    "FragranceCategory",
    "FragranceCategoryEnvelope",
    "Fulfillment",
    "FulfillmentCreate",
    "FulfillmentLineInput",
    "FulfillmentLineOut",
    "FulfillmentStatusEnum",
    "Health",
    "HealthChecks",
    "HealthEnvelope",
    "HealthStatusEnum",
    "IfraCategoryEnum",
    "IfraLimit",
    "IfraResult",
    "InventoryBulk",
    "InventoryBulkItemsItem",
    "InventoryItem",
    "InventoryListLowStock",
    "InventoryMovementsListReason",
    "Login",
    "Logout",
    "Loyalty",
    "LoyaltyEnvelope",
    "LoyaltyTransaction",
    "LoyaltyTransactionTypeEnum",
    "Media",
    "MediaEnvelope",
    "MediaUpload",
    "NextTier",
    "Note",
    "NoteEnvelope",
    "NoteIfraLimits",
    "Order",
    "OrderEnvelope",
    "OrderEvent",
    "OrderEventListEnvelope",
    "OrderEventTypeEnum",
    "OrderLine",
    "OrderLineInput",
    "OrderPaymentStatusEnum",
    "OrdersListFulfillmentStatus",
    "OrdersListPaymentStatus",
    "OrdersListStatus",
    "OrderStats",
    "OrderStatus",
    "OrderStatusEnum",
    "PaginatedAddressList",
    "PaginatedAddressListLinks",
    "PaginatedAddressListMeta",
    "PaginatedAddressListMetaPagination",
    "PaginatedAdminCustomerList",
    "PaginatedAdminCustomerListLinks",
    "PaginatedAdminCustomerListMeta",
    "PaginatedAdminCustomerListMetaPagination",
    "PaginatedBlendList",
    "PaginatedBlendListLinks",
    "PaginatedBlendListMeta",
    "PaginatedBlendListMetaPagination",
    "PaginatedCategoryList",
    "PaginatedCategoryListLinks",
    "PaginatedCategoryListMeta",
    "PaginatedCategoryListMetaPagination",
    "PaginatedCollectionList",
    "PaginatedCollectionListLinks",
    "PaginatedCollectionListMeta",
    "PaginatedCollectionListMetaPagination",
    "PaginatedDiscountList",
    "PaginatedDiscountListLinks",
    "PaginatedDiscountListMeta",
    "PaginatedDiscountListMetaPagination",
    "PaginatedFragranceCategoryList",
    "PaginatedFragranceCategoryListLinks",
    "PaginatedFragranceCategoryListMeta",
    "PaginatedFragranceCategoryListMetaPagination",
    "PaginatedInventoryItemList",
    "PaginatedInventoryItemListLinks",
    "PaginatedInventoryItemListMeta",
    "PaginatedInventoryItemListMetaPagination",
    "PaginatedNoteList",
    "PaginatedNoteListLinks",
    "PaginatedNoteListMeta",
    "PaginatedNoteListMetaPagination",
    "PaginatedOrderList",
    "PaginatedOrderListLinks",
    "PaginatedOrderListMeta",
    "PaginatedOrderListMetaPagination",
    "PaginatedProductBaseList",
    "PaginatedProductBaseListLinks",
    "PaginatedProductBaseListMeta",
    "PaginatedProductBaseListMetaPagination",
    "PaginatedProductList",
    "PaginatedProductListLinks",
    "PaginatedProductListMeta",
    "PaginatedProductListMetaPagination",
    "PaginatedStockMovementList",
    "PaginatedStockMovementListLinks",
    "PaginatedStockMovementListMeta",
    "PaginatedStockMovementListMetaPagination",
    "PaginatedVariantList",
    "PaginatedVariantListLinks",
    "PaginatedVariantListMeta",
    "PaginatedVariantListMetaPagination",
    "PaginatedWebhookDeliveryList",
    "PaginatedWebhookDeliveryListLinks",
    "PaginatedWebhookDeliveryListMeta",
    "PaginatedWebhookDeliveryListMetaPagination",
    "PaginatedWebhookSubscriptionList",
    "PaginatedWebhookSubscriptionListLinks",
    "PaginatedWebhookSubscriptionListMeta",
    "PaginatedWebhookSubscriptionListMetaPagination",
    "PasswordChange",
    "PasswordReset",
    "PasswordResetConfirm",
    "PatchedAddress",
    "PatchedAdminCustomerUpdate",
    "PatchedBlendWrite",
    "PatchedCartItemUpdate",
    "PatchedCartUpdate",
    "PatchedDiscountWrite",
    "PatchedProductUpdate",
    "PatchedProfileUpdate",
    "PatchedScentProfileWrite",
    "PatchedStatusUpdate",
    "PatchedVariantUpdate",
    "PatchedVariantUpdateOptions",
    "PatchedWebhookWrite",
    "Payment",
    "PaymentInput",
    "PaymentStatusEnum",
    "Performance",
    "Preferences",
    "PreferencesUpdate",
    "PreferredCurrencyEnum",
    "PriceRange",
    "Product",
    "ProductBase",
    "ProductBaseEnvelope",
    "ProductBaseInput",
    "ProductBaseTypeEnum",
    "ProductBulk",
    "ProductBulkItemsItem",
    "ProductCreate",
    "ProductEnvelope",
    "ProductsListInStock",
    "ProductsListOrder",
    "ProductsListOrdering",
    "ProductsListProductType",
    "ProductsListSort",
    "ProductsListStatus",
    "ProductStatus",
    "ProductTypeEnum",
    "Pyramid",
    "Recommendations",
    "RecommendationsEnvelope",
    "RecommendedBlend",
    "RecommendedNote",
    "Refresh",
    "Refund",
    "RefundCreate",
    "RefundLineInput",
    "Register",
    "RegisterResponse",
    "RegisterResponseEnvelope",
    "ReminderFrequencyEnum",
    "ScentNotes",
    "ScentProfile",
    "ScentProfileEnvelope",
    "ScentProfileWrite",
    "ShippingEstimate",
    "ShippingEstimateRequest",
    "ShippingEstimates",
    "ShippingEstimatesEnvelope",
    "ShippingMethod",
    "ShippingMethodEnum",
    "StarterComponent",
    "StockAdjustment",
    "StockAdjustmentReasonEnum",
    "StockMovement",
    "StockMovementEnvelope",
    "StockMovementReasonEnum",
    "TestProduct",
    "TestProductEnvelope",
    "TokenPair",
    "TokenPairEnvelope",
    "Variant",
    "VariantCreate",
    "VariantCreateOptions",
    "VariantEnvelope",
    "Violation",
    "VolatilityEnum",
    "Warning_",
    "WebhookAttempt",
    "WebhookDelivery",
    "WebhookDeliveryEnvelope",
    "WebhookDeliveryStatusEnum",
    "WebhookEventTypeEnum",
    "WebhooksDeliveriesListStatus",
    "WebhookSubscription",
    "WebhookSubscriptionCreated",
    "WebhookSubscriptionCreatedEnvelope",
    "WebhookSubscriptionEnvelope",
    "WebhookWrite",
)
