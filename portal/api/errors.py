"""The API's one error shape, `{"errors": [{"parameter", "message", "code"}]}`, and DRF's handler producing it."""

from __future__ import annotations

from django.http import Http404, JsonResponse
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, serializers
from rest_framework.exceptions import ErrorDetail, ValidationError
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler

from portal.outage import is_outage_error, record_failure, unavailable_response


class ErrorSerializer(serializers.Serializer):
    parameter = serializers.CharField(
        allow_null=True, help_text=_("The query parameter at fault (e.g. target, page, format), or null.")
    )
    message = serializers.CharField(help_text=_("What is wrong, in English."))
    code = serializers.CharField(help_text=_('A stable machine-readable code, e.g. "invalid_choice", "not_found".'))


class ErrorResponseSerializer(serializers.Serializer):
    errors = ErrorSerializer(many=True)


def invalid(parameter: str, message: str, code: str = "invalid") -> ValidationError:
    return ValidationError({parameter: [ErrorDetail(message, code=code)]})


def error_items(detail, parameter: str | None = None):
    """Flatten DRF's error detail (dict, list or string) into {parameter, message, code} items."""
    if isinstance(detail, dict):
        for key, value in detail.items():
            name = None if key in (api_settings.NON_FIELD_ERRORS_KEY, "detail") else str(key)
            yield from error_items(value, name)
    elif isinstance(detail, list):
        for item in detail:
            yield from error_items(item, parameter)
    else:
        yield {"parameter": parameter, "message": str(detail), "code": getattr(detail, "code", "error")}


def error_body(detail, parameter: str | None = None) -> dict:
    return {"errors": list(error_items(detail, parameter))}


def exception_handler(exc, context):
    """DRF's handler (status codes, Retry-After), with every error body in the one documented shape.

    A database outage is a 503 with Retry-After (portal/outage.py), not DRF's re-raise into a 500."""
    if is_outage_error(exc):
        record_failure(context["request"], exc)
        return unavailable_response(context["request"])
    if isinstance(exc, Http404):
        exc = exceptions.NotFound(str(exc) or None)
    response = drf_exception_handler(exc, context)
    if response is not None and isinstance(exc, exceptions.APIException):
        response.data = error_body(exc.detail)
    return response


def not_found(request, *args, **kwargs):
    """Any address under /api/ that no endpoint answers: a JSON 404 rather than the HTML page."""
    body = error_body(ErrorDetail(f"No API endpoint at {request.path}; the list is at /api/v1/.", code="not_found"))
    return JsonResponse(body, status=404)
