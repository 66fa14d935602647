"""What the measuring scripts (hit_costs.py, request_costs.py) share: Django set up in the script's own process."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def django_setup(*, environ: dict[str, str] | None = None, environ_defaults: dict[str, str] | None = None,
                 settings: dict | None = None) -> None:
    """Make the project importable, put `environ` in the environment (over the shell's) and `environ_defaults`
    where the shell set nothing, then set up Django with `settings` overriding the settings module's values."""
    sys.path.insert(0, str(ROOT))
    os.environ.update(environ or {})
    for name, value in (environ_defaults or {}).items():
        os.environ.setdefault(name, value)

    import django
    from django.conf import settings as django_settings

    for name, value in (settings or {}).items():
        setattr(django_settings, name, value)
    django.setup()
