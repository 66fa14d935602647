from django.apps import AppConfig


class MoodMnkyConfig(AppConfig):
    name = "moodmnky"
    verbose_name = "Platform"

    def ready(self):
        from moodmnky.api import schema  # noqa: F401  (registers the OpenAPI auth extensions)
