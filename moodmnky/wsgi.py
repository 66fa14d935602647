import os

from django.core.wsgi import get_wsgi_application

from moodmnky.malloc import freeze_loaded_objects, malloc_arenas_limit

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "moodmnky.settings")
# Before gunicorn's gthread worker starts its threads (and, with --preload, before the master forks them).
malloc_arenas_limit()
application = get_wsgi_application()
# Last: everything the application loaded is in memory now, and nothing of a request yet.
freeze_loaded_objects()
