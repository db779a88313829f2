"""Health checks for a load balancer or orchestrator: never cached, never throttled.

- /healthz (liveness): the process answers; it never touches the database, so a database outage
  does not get healthy workers restarted.
- /readyz (readiness): the database answers SELECT 1 on a fresh connection within 2 seconds;
  503 otherwise, so traffic can be routed elsewhere while it is away.
"""

from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from portal.outage import RETRY_AFTER_SECONDS, database_ready, without_database

READY_TIMEOUT_SECONDS = 2


@without_database
@never_cache
@require_safe
def liveness(request):
    return JsonResponse({"status": "alive"})


@without_database  # it checks the database itself, on its own short-lived connection
@never_cache
@require_safe
def readiness(request):
    if database_ready(timeout=READY_TIMEOUT_SECONDS):
        return JsonResponse({"status": "ready", "database": "ok"})
    response = JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response._has_been_logged = True  # an outage is logged once by portal.outage, not per probe
    return response
