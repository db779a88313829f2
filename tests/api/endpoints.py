"""The collections of API v1: list address, the field holding each object's natural key."""

LISTS = {
    "goals": "code",
    "targets": "code",
    "indicators": "code",
    "themes": "slug",
    "instruments": "slug",
    "provisions": "url",
    "programmes": "slug",
    "resources": "slug",
    "activities": "slug",
    "countries": "slug",
    "meetings": "slug",
    "documents": "symbol",
    "recommendations": "slug",
}


def list_url(name: str) -> str:
    return f"/api/v1/{name}/"
