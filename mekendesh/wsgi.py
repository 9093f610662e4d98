import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mekendesh.settings")
application = get_wsgi_application()

# A server never starts on the register of another country than the settings name.
from mekendesh.reference.installed import origin_check_at_start  # noqa: E402

origin_check_at_start()
