from django.apps import AppConfig


class BlendsConfig(AppConfig):
    name = "blends"
    verbose_name = "Blends"
