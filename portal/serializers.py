"""API serializers for the SDG framework and themes, and the building blocks every app shares.

Every object carries `url` (its address in the API) and `html_url` (its page on the portal),
and `updated_at`. A cross-link is shown as the object at the other end plus its `evidence`.
The compact `...Ref` serializers describe an object seen from elsewhere (a target's linked
instruments, a recommendation's programmes): those of the SDG framework and themes are here, each
app keeps its own beside its list and detail serializers. A target's detail lists the links of
every registered `portal.pages.LinkSection`, each with the serializer that section names.
"""

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from portal.models import UN_LANGUAGES, Goal, Indicator, LinkBasis, Target, Theme
from portal.pages import goal_sections, link_sections

API = "api"


def absolute(serializer: serializers.Field, path: str) -> str:
    request = serializer.context.get("request")
    return request.build_absolute_uri(path) if request is not None else path


def plain_reverse(viewname, args=None, kwargs=None, request=None, format=None, **extra):
    """DRF's reverse without carrying ?format over: an object's address is the same in JSON and CSV."""
    url = reverse(viewname, args=args, kwargs=kwargs, **extra)
    return request.build_absolute_uri(url) if request is not None else url


class APIURLField(serializers.HyperlinkedIdentityField):
    """The object's API address, built from its natural key."""

    def __init__(self, basename: str, lookup_field: str, action: str = "detail", **kwargs):
        kwargs.setdefault("help_text", "The address of this object in the API.")
        super().__init__(view_name=f"{API}:{basename}-{action}", lookup_field=lookup_field, **kwargs)
        self.reverse = plain_reverse


@extend_schema_field(OpenApiTypes.URI)
class HTMLURLField(serializers.Field):
    """The address of the object's page on the portal."""

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", "The address of this object's page on the portal.")
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value):
        return absolute(self, value.get_absolute_url())


class OptionalURLField(serializers.URLField):
    """A URL, or null where none is recorded (never an empty string)."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, allow_null=True, **kwargs)

    def to_representation(self, value):
        return value or None


class PublishedSlugField(serializers.SlugRelatedField):
    """The natural key of a related curated object, or null while that object is not published."""

    def __init__(self, slug_field: str = "slug", **kwargs):
        super().__init__(slug_field=slug_field, read_only=True, allow_null=True, **kwargs)

    def to_representation(self, value):
        if not getattr(value, "is_published", True):
            return None
        return super().to_representation(value)


@extend_schema_field(OpenApiTypes.STR)
class LinkedKeyField(serializers.RelatedField):
    """From a link row, the natural key of the object at the other end (`target.code`)."""

    def __init__(self, path: str, **kwargs):
        self.path = path.split(".")
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        for attr in self.path:
            value = getattr(value, attr)
        return value


def linked_keys(source: str, path: str, help_text: str) -> serializers.ManyRelatedField:
    """The natural keys of the published objects linked through `source` (a prefetched, filtered relation)."""
    return LinkedKeyField(path, many=True, source=source, help_text=help_text)


def published_slugs(help_text: str = "Slugs of the themes.") -> serializers.ManyRelatedField:
    """Slugs of a many-to-many relation (the view prefetches it filtered to published objects)."""
    return serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True, help_text=help_text)


class LanguageTextSerializer(serializers.Serializer):
    """A text in the six official UN languages; null where no translation exists."""

    ar = serializers.CharField(allow_null=True, help_text="Arabic")
    zh = serializers.CharField(allow_null=True, help_text="Chinese")
    en = serializers.CharField(allow_null=True, help_text="English")
    fr = serializers.CharField(allow_null=True, help_text="French")
    ru = serializers.CharField(allow_null=True, help_text="Russian")
    es = serializers.CharField(allow_null=True, help_text="Spanish")

    def to_representation(self, instance):
        return {language: (instance or {}).get(language) or None for language in UN_LANGUAGES}


class SourceSerializer(serializers.Serializer):
    """Where a source document mentions the entry."""

    symbol = serializers.CharField(help_text="Document symbol, e.g. A/CONF.234/PM.1.")
    locator = serializers.CharField(help_text='Paragraph or section, e.g. "para 21".')

    def to_representation(self, instance):
        return {"symbol": instance.get("symbol", ""), "locator": instance.get("locator", "")}


class EvidenceSerializer(serializers.Serializer):
    """Why a link exists: the source document and paragraph, a rationale, and its basis."""

    source_symbol = serializers.CharField(help_text="Symbol of the document that supports the link.")
    source_locator = serializers.CharField(help_text='Where in the source: "para 21", "para 44 (b)", a section.')
    rationale = serializers.CharField(help_text="One sentence: why the two are linked.")
    basis = serializers.ChoiceField(
        choices=LinkBasis.choices,
        help_text='"stated": the source itself makes the link; "judgement": a curator inferred it.',
    )
    updated_at = serializers.DateTimeField(help_text="When the link last changed.")


def evidence() -> EvidenceSerializer:
    return EvidenceSerializer(source="*", read_only=True)


def sources() -> SourceSerializer:
    return SourceSerializer(many=True, read_only=True, help_text="Where the source documents mention the entry.")


CURATED_DETAIL_FIELDS = ["sources", "general_knowledge"]


# --- Compact references ------------------------------------------------------------------


TITLE_HELP = "The official text in the language asked for (`lang`, Accept-Language); English where not translated."
SHORT_TITLE_HELP = "The short title in the language asked for (`lang`, Accept-Language)."


class GoalRefSerializer(serializers.ModelSerializer):
    short_title = serializers.CharField(source="local_short_title", read_only=True, help_text=SHORT_TITLE_HELP)
    url = APIURLField("goal", "code")
    html_url = HTMLURLField()

    class Meta:
        model = Goal
        fields = ["code", "short_title", "iri", "url", "html_url", "updated_at"]


class TargetRefSerializer(serializers.ModelSerializer):
    title = serializers.CharField(source="local_title", read_only=True, help_text=TITLE_HELP)
    url = APIURLField("target", "code")
    html_url = HTMLURLField()

    class Meta:
        model = Target
        fields = ["code", "title", "iri", "url", "html_url", "updated_at"]


class ThemeRefSerializer(serializers.ModelSerializer):
    url = APIURLField("theme", "slug")
    html_url = HTMLURLField()

    class Meta:
        model = Theme
        fields = ["slug", "name", "url", "html_url", "updated_at"]


# --- Links with evidence (the other end, then the evidence) ------------------------------


class TargetLinkSerializer(serializers.Serializer):
    target = TargetRefSerializer(read_only=True)
    evidence = evidence()


class GoalLinkSerializer(serializers.Serializer):
    """A link to an SDG goal as a whole, where the source names the goal rather than one of its targets."""

    goal = GoalRefSerializer(read_only=True)
    evidence = evidence()


GOAL_CODES_HELP = "Codes of the SDG goals linked to it as a whole, not through a target (details carry the evidence)."


# --- SDG framework and themes ----------------------------------------------------------


class GoalSerializer(serializers.ModelSerializer):
    title = serializers.CharField(source="local_title", read_only=True, help_text=TITLE_HELP)
    short_title = serializers.CharField(source="local_short_title", read_only=True, help_text=SHORT_TITLE_HELP)
    titles = LanguageTextSerializer(read_only=True, help_text="The official title in the UN languages.")
    short_titles = LanguageTextSerializer(read_only=True, help_text="The short title in the UN languages.")
    url = APIURLField("goal", "code")
    html_url = HTMLURLField()

    class Meta:
        model = Goal
        fields = [
            "code",
            "number",
            "title",
            "short_title",
            "titles",
            "short_titles",
            "iri",
            "url",
            "html_url",
            "updated_at",
        ]


LINK_LISTS_SCHEMA = {"type": "object", "additionalProperties": {"type": "string", "format": "uri"}}


def link_lists(serializer, links) -> dict[str, str]:
    """Each kind of link's full, paginated list (filtered to the target or goal), as absolute URLs."""
    request = serializer.context.get("request")
    return {
        group.section.api_field: request.build_absolute_uri(group.more_url) if request else group.more_url
        for group in links
    }


class GoalDetailSerializer(GoalSerializer):
    """A goal with its targets (a fixed set) and, per kind of entry, how many are linked to the goal as a
    whole or to its targets, each counted once (`link_counts`), and where to list them (`link_lists`,
    paginated, `?goal=`); then what is linked to the goal as a whole: the first SECTION_LIMIT links of
    each kind with their evidence (`whole_goal_instruments`, ...), how many in all (`whole_goal_link_counts`)
    and the full lists (`whole_goal_link_lists`, `?whole_goal=`). The links through its targets are on
    each target's detail."""

    targets = TargetRefSerializer(many=True, read_only=True)
    link_counts = serializers.DictField(child=serializers.IntegerField(), source="links.counts", read_only=True)
    link_lists = serializers.SerializerMethodField()
    whole_goal_link_counts = serializers.DictField(
        child=serializers.IntegerField(), source="whole_goal.counts", read_only=True
    )
    whole_goal_link_lists = serializers.SerializerMethodField()

    class Meta(GoalSerializer.Meta):
        fields = [
            *GoalSerializer.Meta.fields,
            "targets",
            "link_counts",
            "link_lists",
            "whole_goal_link_counts",
            "whole_goal_link_lists",
        ]

    def get_fields(self):
        fields = super().get_fields()
        for section in goal_sections():
            source = f"whole_goal.by_name.{section.name}"
            fields[f"whole_goal_{section.api_field}"] = section.api_serializer(many=True, read_only=True, source=source)
        return fields

    @extend_schema_field(LINK_LISTS_SCHEMA)
    def get_link_lists(self, obj) -> dict[str, str]:
        return link_lists(self, obj.links)

    @extend_schema_field(LINK_LISTS_SCHEMA)
    def get_whole_goal_link_lists(self, obj) -> dict[str, str]:
        return link_lists(self, obj.whole_goal)


class TargetSerializer(serializers.ModelSerializer):
    goal = serializers.SlugRelatedField(slug_field="code", read_only=True, help_text="The goal's code.")
    title = serializers.CharField(source="local_title", read_only=True, help_text=TITLE_HELP)
    titles = LanguageTextSerializer(read_only=True, help_text="The official text in the UN languages.")
    url = APIURLField("target", "code")
    html_url = HTMLURLField()

    class Meta:
        model = Target
        fields = ["code", "goal", "title", "titles", "iri", "url", "html_url", "updated_at"]


class IndicatorSerializer(serializers.ModelSerializer):
    goal = serializers.CharField(source="target.goal.code", read_only=True, help_text="The goal's code.")
    target = serializers.SlugRelatedField(slug_field="code", read_only=True, help_text="The target's code.")
    title = serializers.CharField(source="local_title", read_only=True, help_text=TITLE_HELP)
    titles = LanguageTextSerializer(read_only=True, help_text="The official text; null where not translated.")
    also_listed_as = serializers.ListField(
        child=serializers.CharField(), read_only=True, help_text="Codes under which the same indicator is repeated."
    )
    url = APIURLField("indicator", "code")
    html_url = serializers.SerializerMethodField(help_text="The indicator on its target's page.")

    class Meta:
        model = Indicator
        fields = [
            "code",
            "goal",
            "target",
            "title",
            "titles",
            "unsd_code",
            "also_listed_as",
            "iri",
            "url",
            "html_url",
            "updated_at",
        ]

    @extend_schema_field(OpenApiTypes.URI)
    def get_html_url(self, obj) -> str:
        return absolute(self, f"{obj.target.get_absolute_url()}#indicator-{obj.code}")


class TargetDetailSerializer(TargetSerializer):
    """A target with its indicators and everything published that links to it, with evidence."""

    goal = GoalRefSerializer(read_only=True)
    indicators = IndicatorSerializer(many=True, read_only=True)

    class Meta(TargetSerializer.Meta):
        fields = [*TargetSerializer.Meta.fields, "indicators"]

    def get_fields(self):
        """Then one list per link section (instruments, provisions, ...), read from `target.links`: the
        first SECTION_LIMIT of each, with `link_counts` (how many in all) and `link_lists` (the full,
        paginated list of each kind, filtered to this target)."""
        fields = super().get_fields()
        for section in link_sections():
            source = f"links.by_name.{section.name}"
            fields[section.api_field] = section.api_serializer(many=True, read_only=True, source=source)
        fields["link_counts"] = serializers.DictField(
            child=serializers.IntegerField(), source="links.counts", read_only=True
        )
        fields["link_lists"] = serializers.SerializerMethodField()
        return fields

    @extend_schema_field(LINK_LISTS_SCHEMA)
    def get_link_lists(self, obj) -> dict[str, str]:
        return link_lists(self, obj.links)


class ThemeSerializer(serializers.ModelSerializer):
    parent = PublishedSlugField(help_text="The broader theme's slug, if any.")
    url = APIURLField("theme", "slug")
    html_url = HTMLURLField()

    class Meta:
        model = Theme
        fields = [
            "slug",
            "code",
            "name",
            "scheme",
            "description",
            "parent",
            "position",
            "url",
            "html_url",
            "updated_at",
        ]


class ThemeDetailSerializer(ThemeSerializer):
    sources = sources()

    class Meta(ThemeSerializer.Meta):
        fields = [*ThemeSerializer.Meta.fields, *CURATED_DETAIL_FIELDS]
