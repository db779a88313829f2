"""The ceiling: a bare Django project that serves, from memory, the bytes the portal served for each URL.

`bench/run.py` saves every benchmarked response to BENCH_PAGES (a JSON index of files); this module is
both the settings module and the WSGI application, so gunicorn serves it with the portal's settings
(`gunicorn bench.ceiling:application`). What remains is Django's request and response cycle and the
server: the fastest the portal could be on this machine with Django.
"""

import json
import os
from pathlib import Path

import django
from django.conf import settings

PAGES = Path(os.environ.get("BENCH_PAGES", "/tmp/bench-pages"))

if not settings.configured:
    settings.configure(
        DEBUG=False,
        SECRET_KEY="bench-ceiling-only",
        ALLOWED_HOSTS=["127.0.0.1", "localhost"],
        ROOT_URLCONF=__name__,
        MIDDLEWARE=[],
        INSTALLED_APPS=[],
        USE_I18N=False,
    )
    django.setup()

from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.http import HttpResponse, HttpResponseNotFound  # noqa: E402
from django.urls import re_path  # noqa: E402

INDEX = json.loads((PAGES / "index.json").read_text()) if (PAGES / "index.json").exists() else {}
BODIES = {url: (PAGES / entry["file"]).read_bytes() for url, entry in INDEX.items()}


def page(request):
    url = request.get_full_path()
    if url not in BODIES:
        return HttpResponseNotFound()
    return HttpResponse(BODIES[url], content_type=INDEX[url]["content_type"])


urlpatterns = [re_path(r"", page)]
application = get_wsgi_application()
