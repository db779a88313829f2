"""API serializers for instruments and their provisions."""

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from portal.serializers import (
    API,
    CURATED_DETAIL_FIELDS,
    GOAL_CODES_HELP,
    APIURLField,
    GoalLinkSerializer,
    HTMLURLField,
    TargetLinkSerializer,
    ThemeRefSerializer,
    absolute,
    evidence,
    linked_keys,
    published_slugs,
    sources,
)
from standards.models import Instrument, Provision

TARGET_CODES_HELP = "Codes of the SDG targets linked to it (details carry the evidence)."


@extend_schema_field(OpenApiTypes.URI)
class ProvisionURLField(serializers.Field):
    """/api/v1/instruments/<instrument slug>/provisions/<ref>/ (the instrument must be joined)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", "The address of this provision in the API.")
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value):
        path = reverse(
            f"{API}:instrument-provision-detail", kwargs={"instrument_slug": value.instrument.slug, "ref": value.ref}
        )
        return absolute(self, path)


class InstrumentRefSerializer(serializers.ModelSerializer):
    url = APIURLField("instrument", "slug")
    html_url = HTMLURLField()

    class Meta:
        model = Instrument
        fields = ["slug", "title", "short_title", "url", "html_url", "updated_at"]


class ProvisionRefSerializer(serializers.ModelSerializer):
    instrument = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    url = ProvisionURLField()
    html_url = HTMLURLField()

    class Meta:
        model = Provision
        fields = ["instrument", "ref", "kind", "number", "label", "url", "html_url", "updated_at"]


class InstrumentLinkSerializer(serializers.Serializer):
    instrument = InstrumentRefSerializer(read_only=True)
    evidence = evidence()


class ProvisionLinkSerializer(serializers.Serializer):
    provision = ProvisionRefSerializer(read_only=True)
    evidence = evidence()


class InstrumentSerializer(serializers.ModelSerializer):
    themes = published_slugs()
    targets = linked_keys("target_links", "target.code", TARGET_CODES_HELP)
    goals = linked_keys("goal_links", "goal.code", GOAL_CODES_HELP)
    url = APIURLField("instrument", "slug")
    html_url = HTMLURLField()
    provisions_url = APIURLField(
        "instrument-provision", "slug", "list", lookup_url_kwarg="instrument_slug", help_text="Its provisions."
    )

    class Meta:
        model = Instrument
        fields = [
            "slug", "title", "short_title", "kind", "category", "adopting_body", "resolution_symbol", "year",
            "themes", "targets", "goals", "url", "html_url", "provisions_url", "updated_at",
        ]  # fmt: skip


class ProvisionSerializer(serializers.ModelSerializer):
    """A provision with its official text."""

    instrument = serializers.SlugRelatedField(slug_field="slug", read_only=True, help_text="The instrument's slug.")
    targets = linked_keys("target_links", "target.code", TARGET_CODES_HELP)
    url = ProvisionURLField()
    html_url = HTMLURLField()

    class Meta:
        model = Provision
        fields = [
            "instrument", "ref", "kind", "number", "label", "position", "part", "part_title", "category", "section",
            "text", "footnotes", "targets", "url", "html_url", "updated_at",
        ]  # fmt: skip


class ProvisionDetailSerializer(ProvisionSerializer):
    targets = TargetLinkSerializer(many=True, read_only=True, source="target_links")
    citation = serializers.CharField(read_only=True, help_text="How to cite the provision.")

    class Meta(ProvisionSerializer.Meta):
        fields = [*ProvisionSerializer.Meta.fields, "citation"]


class InstrumentDetailSerializer(InstrumentSerializer):
    """An instrument with its SDG links (with evidence) and every published provision."""

    themes = ThemeRefSerializer(many=True, read_only=True)
    targets = TargetLinkSerializer(many=True, read_only=True, source="target_links")
    goals = GoalLinkSerializer(many=True, read_only=True, source="goal_links")
    provisions = ProvisionSerializer(many=True, read_only=True)
    sources = sources()

    class Meta(InstrumentSerializer.Meta):
        fields = [
            *InstrumentSerializer.Meta.fields, "aliases", "resolution_note", "resolution_url", "symbol_missing_reason",
            "adopted_on", "citation", "summary", "official_text_note", "provisions", *CURATED_DETAIL_FIELDS,
        ]  # fmt: skip
