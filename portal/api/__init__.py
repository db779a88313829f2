"""REST API v1: the pieces every endpoint shares, and the registry that mounts each app's endpoints.

This package names no content app. Each app's `api_views.py` builds its viewsets on
`portal.api.viewsets` and calls `portal.api.routes.register(...)`; `PortalConfig.ready()` imports
every `api_views` module (`autodiscover_modules("api_views")`), and `portal.api.urls` mounts the
router built from the registry, the OpenAPI schema, the interactive docs and the overview page.

Behaviour every endpoint shares, documented for partners on the overview page
(templates/api/overview.html):

- Errors are JSON, always shaped `{"errors": [{"parameter": ..., "message": ..., "code": ...}]}`;
  `parameter` names the query parameter at fault, or is null (`errors.py`).
- Unknown query parameters and empty values are rejected (400), so a misspelt filter never
  silently returns everything (`viewsets.py`).
- Lists are paginated (`page`, `page_size` up to 100) in a total order, and render as JSON or CSV
  (`pagination.py`, `renderers.py`).
- Every successful response carries an ETag (a hash of its body) and a Last-Modified date, and
  answers If-None-Match / If-Modified-Since with 304 (`conditional.py`).
"""
