"""API serializers for meetings, documents and recommendations."""

from drf_spectacular.utils import extend_schema_field
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
    evidence,
    linked_keys,
    published_slugs,
    sources,
)
from programmes.serializers import ProgrammeLinkSerializer
from recommendations.models import AgendaItem, Document, Meeting, Recommendation, SourceList
from standards.serializers import InstrumentLinkSerializer


class RecommendationRefSerializer(serializers.ModelSerializer):
    document = serializers.SlugRelatedField(slug_field="symbol", read_only=True)
    url = APIURLField("recommendation", "slug")
    html_url = HTMLURLField()

    class Meta:
        model = Recommendation
        fields = ["slug", "document", "paragraph", "kind", "summary", "url", "html_url", "updated_at"]


class RecommendationLinkSerializer(serializers.Serializer):
    recommendation = RecommendationRefSerializer(read_only=True)
    evidence = evidence()


class MeetingSerializer(serializers.ModelSerializer):
    url = APIURLField("meeting", "slug")
    html_url = HTMLURLField()

    class Meta:
        model = Meeting
        fields = [
            "slug", "title", "short_title", "kind", "city", "country", "planned_start", "planned_end",
            "start_date", "end_date", "url", "html_url", "updated_at",
        ]  # fmt: skip


class AgendaItemSerializer(serializers.ModelSerializer):
    themes = published_slugs()

    class Meta:
        model = AgendaItem
        fields = ["ref", "kind", "number", "title", "position", "themes", "updated_at"]


class DocumentRefSerializer(serializers.ModelSerializer):
    url = APIURLField("document", "symbol")
    html_url = HTMLURLField()

    class Meta:
        model = Document
        fields = ["symbol", "title", "kind", "url", "html_url", "updated_at"]


class MeetingDetailSerializer(MeetingSerializer):
    agenda_items = AgendaItemSerializer(many=True, read_only=True)
    documents = DocumentRefSerializer(many=True, read_only=True)
    sources = sources()

    class Meta(MeetingSerializer.Meta):
        fields = [*MeetingSerializer.Meta.fields, "summary", "agenda_items", "documents", *CURATED_DETAIL_FIELDS]


class DocumentSerializer(serializers.ModelSerializer):
    meeting = PublishedSlugField(help_text="The slug of the meeting it was issued for, if any.")
    agenda_item = PublishedSlugField("ref", help_text="The reference of its agenda item within the meeting, if any.")
    official_url = OptionalURLField(help_text="The official text (undocs.org for UN symbols), if known.")
    themes = published_slugs()
    url = APIURLField("document", "symbol")
    html_url = HTMLURLField()

    class Meta:
        model = Document
        fields = [
            "symbol", "is_un_symbol", "title", "kind", "meeting", "agenda_item", "issued_on", "distribution",
            "official_url", "themes", "url", "html_url", "updated_at",
        ]  # fmt: skip


class SourceListItemSerializer(serializers.Serializer):
    label = serializers.CharField(help_text="The source's own words for the item.")
    locator = serializers.CharField(
        help_text='Where in the paragraph the item is tied to its records ("fn 9"), if given.'
    )
    targets = serializers.ListField(
        child=serializers.CharField(), help_text="The SDG target codes the source ties to it."
    )
    instrument = serializers.CharField(allow_null=True, help_text="The slug of the instrument it names, if any.")
    theme = serializers.CharField(allow_null=True, help_text="The slug of the theme it names, if any.")


class SourceListSerializer(serializers.Serializer):
    slug = serializers.CharField()
    title = serializers.CharField(help_text="What the list is, in the curators' words.")
    locator = serializers.CharField(help_text='The paragraph that gives the list ("para 15").')
    note = serializers.CharField()
    items = SourceListItemSerializer(many=True, help_text="The items in the source's order.")


class DocumentDetailSerializer(DocumentSerializer):
    themes = ThemeRefSerializer(many=True, read_only=True)
    sources = sources()
    source_lists = serializers.SerializerMethodField(help_text="The lists the document gives, each whole and in order.")

    class Meta(DocumentSerializer.Meta):
        fields = [*DocumentSerializer.Meta.fields, "summary", "source_lists", *CURATED_DETAIL_FIELDS]

    @extend_schema_field(SourceListSerializer(many=True))
    def get_source_lists(self, document):
        lists = SourceList.resolve(SourceList.objects.stated_in(document))
        return [
            {
                "slug": source_list.slug,
                "title": source_list.title,
                "locator": source_list.locator,
                "note": source_list.note,
                "items": [
                    {
                        "label": row["label"],
                        "locator": row["locator"],
                        "targets": [target.code for target in row["targets"]],
                        "instrument": row["instrument"].slug if row["instrument"] else None,
                        "theme": row["theme"].slug if row["theme"] else None,
                    }
                    for row in source_list.rows
                ],
            }
            for source_list in lists
        ]


class RecommendationSerializer(serializers.ModelSerializer):
    document = serializers.SlugRelatedField(slug_field="symbol", read_only=True, help_text="The document's symbol.")
    meeting = PublishedSlugField(source="document.meeting", help_text="The slug of the document's meeting, if any.")
    agenda_item = PublishedSlugField("ref", help_text="The reference of its agenda item, if any.")
    themes = published_slugs()
    targets = linked_keys("target_links", "target.code", "Codes of the SDG targets linked to it.")
    goals = linked_keys("goal_links", "goal.code", GOAL_CODES_HELP)
    instruments = linked_keys("instrument_links", "instrument.slug", "Slugs of the instruments linked to it.")
    programmes = linked_keys("programme_links", "programme.slug", "Slugs of the programmes linked to it.")
    citation = serializers.CharField(read_only=True, help_text='How to cite it: "A/CONF.234/5, para. 44 (b)".')
    url = APIURLField("recommendation", "slug")
    html_url = HTMLURLField()

    class Meta:
        model = Recommendation
        fields = [
            "slug", "document", "paragraph", "position", "kind", "meeting", "agenda_item", "addressee", "summary",
            "text", "is_quotation", "citation", "themes", "targets", "goals", "instruments", "programmes", "url",
            "html_url", "updated_at",
        ]  # fmt: skip


class RecommendationDetailSerializer(RecommendationSerializer):
    themes = ThemeRefSerializer(many=True, read_only=True)
    targets = TargetLinkSerializer(many=True, read_only=True, source="target_links")
    goals = GoalLinkSerializer(many=True, read_only=True, source="goal_links")
    instruments = InstrumentLinkSerializer(many=True, read_only=True, source="instrument_links")
    programmes = ProgrammeLinkSerializer(many=True, read_only=True, source="programme_links")
    sources = sources()

    class Meta(RecommendationSerializer.Meta):
        fields = [*RecommendationSerializer.Meta.fields, *CURATED_DETAIL_FIELDS]
