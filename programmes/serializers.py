"""API serializers for programmes, tools and publications, technical assistance and countries."""

from django.urls import reverse
from rest_framework import serializers

from portal.serializers import (
    CURATED_DETAIL_FIELDS,
    GOAL_CODES_HELP,
    APIURLField,
    GoalLinkSerializer,
    HTMLURLField,
    OptionalURLField,
    PublishedSlugField,
    TargetLinkSerializer,
    ThemeRefSerializer,
    absolute,
    evidence,
    linked_keys,
    published_slugs,
    sources,
)
from programmes.models import Activity, Country, InterventionArea, Programme, Resource
from standards.serializers import InstrumentLinkSerializer

INSTRUMENTS_HELP = "Slugs of the instruments linked to it (details carry the evidence)."


class ProgrammeRefSerializer(serializers.ModelSerializer):
    url = APIURLField("programme", "slug")
    html_url = HTMLURLField()

    class Meta:
        model = Programme
        fields = ["slug", "title", "short_title", "url", "html_url", "updated_at"]


class ProgrammeLinkSerializer(serializers.Serializer):
    programme = ProgrammeRefSerializer(read_only=True)
    evidence = evidence()


class CountrySerializer(serializers.ModelSerializer):
    url = APIURLField("country", "slug")
    html_url = HTMLURLField()

    class Meta:
        model = Country
        fields = ["slug", "name", "iso3", "url", "html_url", "updated_at"]


class ProgrammeSerializer(serializers.ModelSerializer):
    parent = PublishedSlugField(help_text="The slug of the programme it belongs to, if any.")
    website = OptionalURLField(source="url", help_text="The programme's own website.")
    themes = published_slugs()
    targets = linked_keys("target_links", "target.code", "Codes of the SDG targets linked to it.")
    goals = linked_keys("goal_links", "goal.code", GOAL_CODES_HELP)
    instruments = linked_keys("instrument_links", "instrument.slug", INSTRUMENTS_HELP)
    url = APIURLField("programme", "slug")
    html_url = HTMLURLField()

    class Meta:
        model = Programme
        fields = [
            "slug", "title", "short_title", "kind", "lead_entity", "parent", "start_year", "website",
            "themes", "targets", "goals", "instruments", "url", "html_url", "updated_at",
        ]  # fmt: skip


class InterventionAreaSerializer(serializers.ModelSerializer):
    class Meta:
        model = InterventionArea
        fields = ["slug", "title", "description", "position", "updated_at"]


class ProgrammeDetailSerializer(ProgrammeSerializer):
    themes = ThemeRefSerializer(many=True, read_only=True)
    targets = TargetLinkSerializer(many=True, read_only=True, source="target_links")
    goals = GoalLinkSerializer(many=True, read_only=True, source="goal_links")
    instruments = InstrumentLinkSerializer(many=True, read_only=True, source="instrument_links")
    children = serializers.SlugRelatedField(
        slug_field="slug", many=True, read_only=True, help_text="Slugs of the initiatives that belong to it."
    )
    intervention_areas = InterventionAreaSerializer(many=True, read_only=True)
    sources = sources()

    class Meta(ProgrammeSerializer.Meta):
        fields = [
            *ProgrammeSerializer.Meta.fields, "aliases", "partners", "summary", "facts", "children",
            "intervention_areas", *CURATED_DETAIL_FIELDS,
        ]  # fmt: skip


class ResourceSerializer(serializers.ModelSerializer):
    programme = PublishedSlugField(help_text="The slug of the programme behind it, if any.")
    website = OptionalURLField(source="url", help_text="Where to find it.")
    languages = serializers.ListField(child=serializers.CharField(), read_only=True)
    themes = published_slugs()
    instruments = linked_keys("instrument_links", "instrument.slug", INSTRUMENTS_HELP)
    url = APIURLField("resource", "slug")
    html_url = HTMLURLField()

    class Meta:
        model = Resource
        fields = [
            "slug", "title", "kind", "programme", "publisher", "year", "languages", "language_count", "users",
            "country_count", "website", "themes", "instruments", "url", "html_url", "updated_at",
        ]  # fmt: skip


class ResourceDetailSerializer(ResourceSerializer):
    themes = ThemeRefSerializer(many=True, read_only=True)
    instruments = InstrumentLinkSerializer(many=True, read_only=True, source="instrument_links")
    sources = sources()

    class Meta(ResourceSerializer.Meta):
        fields = [*ResourceSerializer.Meta.fields, "summary", "facts", *CURATED_DETAIL_FIELDS]


class ActivitySerializer(serializers.ModelSerializer):
    """Technical assistance in a country (or a region) in a year, as a report records it."""

    country = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, allow_null=True, help_text="Null when regional or global."
    )
    programme = PublishedSlugField(help_text="The slug of the programme that delivered it, if known.")
    theme = PublishedSlugField(help_text="The slug of its theme, if any.")
    instruments = serializers.SlugRelatedField(
        slug_field="slug", many=True, read_only=True, help_text="Slugs of the instruments the source names."
    )
    url = APIURLField("activity", "slug")
    html_url = serializers.SerializerMethodField(
        help_text="Its country's page, or for a regional or global activity the list of that year's activities."
    )

    class Meta:
        model = Activity
        fields = [
            "slug", "country", "region", "year", "programme", "theme", "description", "source_symbol",
            "source_locator", "instruments", "url", "html_url", "updated_at",
        ]  # fmt: skip

    def get_html_url(self, obj) -> str:
        if obj.country_id:
            return absolute(self, obj.country.get_absolute_url())
        return absolute(self, f"{reverse('programmes:activity-list')}?year={obj.year}")


class ActivityDetailSerializer(ActivitySerializer):
    sources = sources()

    class Meta(ActivitySerializer.Meta):
        fields = [*ActivitySerializer.Meta.fields, *CURATED_DETAIL_FIELDS]
