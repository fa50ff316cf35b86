"""WSGI entry point, e.g. `gunicorn aandacht.wsgi`."""

import os
import sys
import threading

from django.core.wsgi import get_wsgi_application

from aandacht.core.env import EnvError

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aandacht.settings")

try:
    application = get_wsgi_application()
except EnvError as error:
    sys.stderr.write(f"Aandacht cannot start: {error}\n")
    raise SystemExit(2) from None


def _warm_up_scrubber() -> None:
    """Load deduce's lookup tables (seconds) before the first report is saved."""
    from aandacht.privacy.scrub import scrub

    scrub("Opwarmen.")


threading.Thread(target=_warm_up_scrubber, name="scrubber-warm-up", daemon=True).start()
