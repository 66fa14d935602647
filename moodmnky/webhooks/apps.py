from django.apps import AppConfig


class WebhooksConfig(AppConfig):
    name = "moodmnky.webhooks"
    label = "webhooks"
    verbose_name = "Webhooks"
