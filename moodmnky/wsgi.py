import os

from django.core.wsgi import get_wsgi_application

from moodmnky.malloc import freeze_loaded_objects, malloc_arenas_limit, malloc_trim_every

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "moodmnky.settings")
# Before gunicorn's gthread worker starts its threads (and, with --preload, before the master forks them).
malloc_arenas_limit()
application = get_wsgi_application()
malloc_trim_every()
freeze_loaded_objects()
