"""gunicorn settings for `make serve` (gunicorn reads ./gunicorn.conf.py by itself).

One worker per core (WEB_CONCURRENCY, which `make serve` sets from nproc). The worker timeout
sits above the database timeouts, so a slow or absent database answers 503 from Django (portal/outage.py)
before gunicorn would kill the worker.
"""

import os


def seconds(name: str, default: float) -> float:
    try:
        return max(float(os.environ.get(name) or default), 0)
    except ValueError:
        return default  # portal/settings.py refuses the value with a clear message


wsgi_app = "portal.wsgi:application"
bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY") or os.cpu_count() or 1)
# Threads, so a worker with a request waiting on the database still serves robots.txt, static files
# and the health checks; each thread holds its own database connection.
worker_class = "gthread"
threads = 4
timeout = int(seconds("DJANGO_DB_CONNECT_TIMEOUT", 5) + seconds("DJANGO_DB_STATEMENT_TIMEOUT", 10)) + 15
graceful_timeout = 30
keepalive = 5
accesslog = "-"
errorlog = "-"
# gunicorn's runtime control socket sits at one path per user; several instances on a host would share it.
control_socket_disable = True
