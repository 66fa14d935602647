from django.apps import AppConfig


class OrdersConfig(AppConfig):
    name = "orders"
    verbose_name = "Orders"

    def ready(self):
        from customers.registry import register_anonymizer, register_export_part, register_order_stats
        from orders.customer_stats import OrderStatsFromOrders, anonymize_orders, export_orders

        register_order_stats(OrderStatsFromOrders())
        register_export_part("orders", export_orders)
        register_anonymizer(anonymize_orders)
