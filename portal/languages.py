"""The six UN languages on the public pages: addresses, negotiation, the switcher.

English pages keep their addresses (/sdg/16.3/); the other languages live under a prefix
(/fr/sdg/16.3/), so every page has one stable address per language. An unprefixed page asked
for by someone whose chosen language (the cookie the switcher sets) or, failing that, whose
browser (Accept-Language) prefers another UN language is redirected to that language's address.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponseBadRequest, HttpResponseRedirect
from django.urls import translate_url
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation.trans_real import parse_accept_lang_header
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

# Each language's name in that language, as the United Nations writes it on its own sites.
NATIVE_NAMES = {"ar": "العربية", "zh-hans": "中文", "en": "English", "fr": "Français", "ru": "Русский", "es": "Español"}
NEGOTIATION_VARY = ("Accept-Language", "Cookie")
# The API's data (/api/v1/...): its SDG titles follow the language asked for. The overview, schema and
# docs under /api/ are interface, in English like every unprefixed address.
API_DATA = re.compile(r"^/api/v\d+/")
LANGUAGE_PARAMETER = "lang"  # the API's choice of language, before Accept-Language
LANGUAGE_ALIASES = {"zh": "zh-hans"}  # the SDG texts' key for Chinese, accepted too


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str  # the same page in that language
    current: bool


def public_languages() -> list[str]:
    """The codes of the languages the pages are offered in, in the order of LANGUAGES."""
    return [code for code, _ in settings.LANGUAGES if code in settings.PUBLIC_LANGUAGES]


def path_language(path: str) -> str | None:
    """The language an address names by its prefix (/fr/...), or None for an unprefixed address."""
    return translation.get_language_from_path(path)


def unprefixed(path: str) -> str:
    """The address without its language prefix: /fr/sdg/ -> /sdg/ (for navigation that matches sections)."""
    language = path_language(path)
    return path[len(language) + 1 :] if language else path


def is_page(path: str) -> bool:
    """Whether an address has versions in other languages (the public pages; not the API, admin or files)."""
    other = next(code for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE)
    return translate_url(path, other) != path


def preferred_language(request: HttpRequest) -> str:
    """The language the visitor chose (the switcher's cookie), else the one their browser prefers."""
    public = public_languages()
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if chosen in public:
        return chosen
    negotiated = translation.get_language_from_request(request, check_path=False)
    return negotiated if negotiated in public else settings.LANGUAGE_CODE


class LanguageNegotiationMiddleware:
    """Send an unprefixed page to the visitor's language; say which headers the answer depends on."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        prefix = path_language(request.path_info)
        if prefix and prefix not in settings.PUBLIC_LANGUAGES:
            raise Http404(f"The pages are not offered in “{prefix}” yet.")
        negotiable = (
            request.method in ("GET", "HEAD")
            and prefix is None
            and len(public_languages()) > 1
            and is_page(request.path_info)
        )
        if negotiable:
            language = preferred_language(request)
            if language != settings.LANGUAGE_CODE:
                response = HttpResponseRedirect(translate_url(request.get_full_path(), language))
                patch_vary_headers(response, NEGOTIATION_VARY)
                return response
        response = self.get_response(request)
        if negotiable:
            patch_vary_headers(response, NEGOTIATION_VARY)
        return response


def api_language_choice(value: str) -> str | None:
    """The language a `lang` value names (a code of LANGUAGES, any case, or "zh"), or None."""
    code = value.strip().lower()
    code = LANGUAGE_ALIASES.get(code, code)
    return code if code in dict(settings.LANGUAGES) else None


def api_language(request: HttpRequest) -> str | None:
    """The language of the API's SDG texts: `?lang=`, else the first UN language Accept-Language
    names, else English. None for a `lang` that names no UN language (the API answers 400).

    All six languages are offered whatever DJANGO_PUBLIC_LANGUAGES says: the SDG texts exist in all
    of them and the API has no interface to translate. The switcher's cookie is not read."""
    if LANGUAGE_PARAMETER in request.GET:
        return api_language_choice(request.GET[LANGUAGE_PARAMETER])
    for accepted, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        try:
            return translation.get_supported_language_variant(accepted)
        except LookupError:
            continue
    return settings.LANGUAGE_CODE


def response_language(request: HttpRequest) -> str:
    """The language a response to `request` is rendered in: the API's (`api_language`) on API data, else the
    page's prefix, else the default. The response cache keys by it before any middleware below it has run."""
    if API_DATA.match(request.path_info):
        return api_language(request) or settings.LANGUAGE_CODE
    return path_language(request.path_info) or settings.LANGUAGE_CODE


class APILanguageMiddleware:
    """Activate the language the API is asked for (`api_language`), so the response cache keys by it
    and the serializers read it; the answer names it (Content-Language) and says it depends on
    Accept-Language (Vary)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not API_DATA.match(request.path_info):
            return self.get_response(request)
        language = api_language(request) or settings.LANGUAGE_CODE  # a bad `lang` is the view's 400
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers["Content-Language"] = language
        patch_vary_headers(response, ("Accept-Language",))
        return response


def language_links(request: HttpRequest) -> dict:
    """Template context: the switcher's links, the page's alternates, its direction, its unprefixed path."""
    current = translation.get_language()
    path = request.get_full_path()
    public = public_languages()
    links = [
        LanguageLink(code=code, name=NATIVE_NAMES[code], url=translate_url(path, code), current=code == current)
        for code in public
        if len(public) > 1
    ]
    return {
        "language_links": links,
        "language_direction": "rtl" if translation.get_language_bidi() else "ltr",
        "unprefixed_path": unprefixed(request.path),
    }


@never_cache
@require_GET
def switch_language(request: HttpRequest):
    """The switcher: remember the chosen language (a cookie) and show the same page in it."""
    language = request.GET.get("language", "")
    target = request.GET.get("next", "/")
    if language not in public_languages():
        return HttpResponseBadRequest(
            f"Unknown language “{language[:20]}”: choose one of {', '.join(public_languages())}.",
            content_type="text/plain; charset=utf-8",
        )
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        target = "/"
    with translation.override(path_language(target) or settings.LANGUAGE_CODE):  # so `target` resolves
        response = HttpResponseRedirect(translate_url(target, language))
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite="Lax",
        secure=request.is_secure(),
    )
    return response
