from django.apps import AppConfig


class BlendsConfig(AppConfig):
    name = "blends"
    verbose_name = "Blends"

    def ready(self):
        from blends.customer_data import anonymize_blends, export_blends, export_scent_profile
        from customers.registry import register_anonymizer, register_export_part

        register_export_part("blends", export_blends)
        register_export_part("scent_profile", export_scent_profile)
        register_anonymizer(anonymize_blends)
