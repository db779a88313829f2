"""Meetings, UN documents, agenda items and the recommendations (and questions) they contain."""

from __future__ import annotations

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from portal.models import (
    UNDOCS_BASE,
    Curated,
    CuratedQuerySet,
    Evidence,
    Goal,
    LinkQuerySet,
    PublicationStatus,
    Target,
    Theme,
    curated_history,
    status_constraint,
)
from portal.validators import validate_local_identifier, validate_un_symbol
from programmes.models import Programme
from standards.models import Instrument


class MeetingKind(models.TextChoices):
    CONGRESS = "congress", _("United Nations Crime Congress")
    COMMISSION_SESSION = "commission_session", _("Session of the Commission on Crime Prevention and Criminal Justice")
    PREPARATORY_MEETING = "preparatory_meeting", _("Regional preparatory meeting")
    OTHER = "other", _("Other meeting or event")


class MeetingQuerySet(CuratedQuerySet):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Meeting(Curated):
    slug = models.SlugField(_("slug"), max_length=100)
    title = models.CharField(_("title"), max_length=300)
    short_title = models.CharField(_("short title"), max_length=120, blank=True)
    kind = models.CharField(_("kind"), max_length=24, choices=MeetingKind.choices)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = models.CharField(_("country"), max_length=100, blank=True)
    planned_start = models.DateField(_("planned start"), null=True, blank=True)
    planned_end = models.DateField(_("planned end"), null=True, blank=True)
    start_date = models.DateField(_("held from"), null=True, blank=True)
    end_date = models.DateField(_("held until"), null=True, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    search_vector = SearchVectorField(editable=False, null=True)  # set by a PostgreSQL trigger (migration 0005)

    objects = MeetingQuerySet.as_manager()
    history = curated_history(excluded_fields=["search_vector"])

    class Meta:
        ordering = ["start_date", "title"]
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="recommendations_meeting_slug_unique"),
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="recommendations_meeting_dates_ordered",
            ),
            models.CheckConstraint(
                condition=Q(planned_start__isnull=True)
                | Q(planned_end__isnull=True)
                | Q(planned_end__gte=models.F("planned_start")),
                name="recommendations_meeting_planned_dates_ordered",
            ),
            status_constraint("recommendations_meeting"),
        ]

    def __str__(self):
        return self.short_title or self.title

    def get_absolute_url(self):
        return reverse("recommendations:meeting-detail", kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.slug,)


class AgendaItemKind(models.TextChoices):
    AGENDA_ITEM = "agenda_item", _("Agenda item")
    WORKSHOP = "workshop", _("Workshop")


class AgendaItemQuerySet(CuratedQuerySet):
    def get_by_natural_key(self, meeting_slug, ref):
        return self.get(meeting__slug=meeting_slug, ref=ref)

    def published(self):
        return self.filter(status=PublicationStatus.PUBLISHED, meeting__status=PublicationStatus.PUBLISHED)


class AgendaItem(Curated):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    kind = models.CharField(
        _("kind"), max_length=16, choices=AgendaItemKind.choices, default=AgendaItemKind.AGENDA_ITEM
    )
    number = models.CharField(_("number"), max_length=10)
    ref = models.SlugField(_("reference"), max_length=40, help_text=_('"item-4", "workshop-2".'))
    title = models.TextField(_("title"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    themes = models.ManyToManyField(Theme, related_name="agenda_items", blank=True)
    search_vector = SearchVectorField(editable=False, null=True)  # set by a PostgreSQL trigger (migration 0007)

    objects = AgendaItemQuerySet.as_manager()
    history = curated_history(excluded_fields=["search_vector"], m2m_fields=[themes])

    class Meta:
        ordering = ["meeting", "position"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "ref"], name="recommendations_agendaitem_ref_unique"),
            models.UniqueConstraint(
                fields=["meeting", "kind", "number"], name="recommendations_agendaitem_number_unique"
            ),
            status_constraint("recommendations_agendaitem"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.number}: {self.title}"

    @property
    def is_published(self) -> bool:
        """An agenda item is public only with its meeting (join the meeting when reading this in a loop)."""
        return self.status == PublicationStatus.PUBLISHED and self.meeting.status == PublicationStatus.PUBLISHED

    def natural_key(self):
        return (*self.meeting.natural_key(), self.ref)

    natural_key.dependencies = ["recommendations.meeting"]


class DocumentKind(models.TextChoices):
    WORKING_PAPER = "working_paper", _("Working paper")
    DISCUSSION_GUIDE = "discussion_guide", _("Discussion guide")
    REPORT = "report", _("Report")
    DRAFT_REPORT = "draft_report", _("Draft report")
    SECRETARY_GENERAL_REPORT = "sg_report", _("Report of the Secretary-General")
    RESOLUTION = "resolution", _("Resolution")
    BROCHURE = "brochure", _("Brochure")
    OTHER = "other", _("Other document")


class DocumentQuerySet(CuratedQuerySet):
    def get_by_natural_key(self, symbol):
        return self.get(symbol=symbol)


class Document(Curated):
    symbol = models.CharField(
        _("symbol"),
        max_length=100,
        help_text=_(
            "The UN document symbol, e.g. A/CONF.234/5. "
            "Documents without one get a local identifier and is_un_symbol off."
        ),
    )
    is_un_symbol = models.BooleanField(_("official UN symbol"), default=True)
    title = models.TextField(_("title"))
    kind = models.CharField(_("kind"), max_length=20, choices=DocumentKind.choices)
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, null=True, blank=True, related_name="documents")
    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.PROTECT, null=True, blank=True, related_name="documents"
    )
    issued_on = models.DateField(_("date issued"), null=True, blank=True)
    distribution = models.CharField(_("distribution"), max_length=40, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    url = models.URLField(_("official URL"), blank=True, help_text=_("Only for documents without a UN symbol."))
    themes = models.ManyToManyField(Theme, related_name="documents", blank=True)
    search_vector = SearchVectorField(editable=False, null=True)  # set by a PostgreSQL trigger (portal migration 0003)

    objects = DocumentQuerySet.as_manager()
    history = curated_history(excluded_fields=["search_vector"], m2m_fields=[themes])

    class Meta:
        ordering = ["symbol"]
        constraints = [
            models.UniqueConstraint(fields=["symbol"], name="recommendations_document_symbol_unique"),
            models.CheckConstraint(condition=~Q(symbol=""), name="recommendations_document_symbol_not_empty"),
            status_constraint("recommendations_document"),
        ]

    def __str__(self):
        return self.symbol if self.is_un_symbol else self.title

    def get_absolute_url(self):
        return reverse("recommendations:document-detail", kwargs={"symbol": self.symbol})

    def clean(self):
        super().clean()
        validate = validate_un_symbol if self.is_un_symbol else validate_local_identifier
        try:
            validate(self.symbol)
        except ValidationError as exc:
            raise ValidationError({"symbol": exc.messages}) from None

    def natural_key(self):
        return (self.symbol,)

    @property
    def official_url(self) -> str:
        return f"{UNDOCS_BASE}{self.symbol}" if self.is_un_symbol else self.url


class RecommendationKind(models.TextChoices):
    RECOMMENDATION = "recommendation", _("Recommendation")
    QUESTION = "question", _("Question for discussion")
    SUMMARY_OF_VIEWS = "summary_of_views", _("Summary of views (not a decision)")
    FINDING = "finding", _("Finding of the document (analysis, not a recommendation)")


class RecommendationQuerySet(CuratedQuerySet):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)

    def published(self):
        return self.filter(status=PublicationStatus.PUBLISHED, document__status=PublicationStatus.PUBLISHED)


class Recommendation(Curated):
    slug = models.SlugField(
        _("slug"), max_length=120, help_text=_("Stable identifier, derived from the document symbol and paragraph.")
    )
    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="recommendations")
    paragraph = models.CharField(_("paragraph"), max_length=40, help_text=_('As cited: "43 (c)".'))
    position = models.PositiveIntegerField(_("position in the document"), default=0)
    kind = models.CharField(_("kind"), max_length=20, choices=RecommendationKind.choices)
    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.PROTECT, null=True, blank=True, related_name="recommendations"
    )
    addressee = models.CharField(_("addressed to"), max_length=300, blank=True)
    text = models.TextField(_("text"), help_text=_("Quoted from the source document when is_quotation is on."))
    is_quotation = models.BooleanField(_("verbatim quotation"), default=True)
    summary = models.TextField(_("summary"), blank=True, help_text=_("One line in the curators' own words."))
    themes = models.ManyToManyField(Theme, related_name="recommendations", blank=True)
    targets = models.ManyToManyField(Target, through="RecommendationTarget", related_name="recommendations", blank=True)
    instruments = models.ManyToManyField(
        Instrument, through="RecommendationInstrument", related_name="recommendations", blank=True
    )
    programmes = models.ManyToManyField(
        Programme, through="RecommendationProgramme", related_name="recommendations", blank=True
    )
    search_vector = SearchVectorField(editable=False, null=True)  # set by a PostgreSQL trigger (portal migration 0003)

    objects = RecommendationQuerySet.as_manager()
    history = curated_history(excluded_fields=["search_vector"], m2m_fields=[themes])

    class Meta:
        ordering = ["document", "position"]
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="recommendations_recommendation_slug_unique"),
            models.UniqueConstraint(
                fields=["document", "paragraph"], name="recommendations_recommendation_paragraph_unique"
            ),
            models.CheckConstraint(condition=~Q(text=""), name="recommendations_recommendation_text_not_empty"),
            status_constraint("recommendations_recommendation"),
        ]

    # The paragraph coverage (portal.citations) reads this as the citation "para <paragraph>" of the document.
    cited_paragraph = ("document__symbol", "paragraph")

    def __str__(self):
        return f"{self.document} para {self.paragraph}"  # a document without a UN symbol shows its title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self.build_slug(self.document.symbol, self.paragraph)
        super().save(*args, **kwargs)

    def rationale_names(self) -> list[str]:
        """What names a recommendation in a link's rationale (portal.rationales): its summary, in our words."""
        return [self.summary or self.text]

    def get_absolute_url(self):
        return reverse("recommendations:recommendation-detail", kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.slug,)

    @staticmethod
    def build_slug(symbol: str, paragraph: str) -> str:
        return slugify(f"{symbol.replace('/', '-').replace('.', '-')} para {paragraph}")

    @property
    def citation(self) -> str:
        return f"{self.document}, para. {self.paragraph}"


# --- Cross-links with evidence ---------------------------------------------------


class RecommendationTargetQuerySet(LinkQuerySet):
    def get_by_natural_key(self, recommendation_slug, target_code):
        return self.get(recommendation__slug=recommendation_slug, target__code=target_code)


class RecommendationTarget(Evidence):
    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="target_links")
    target = models.ForeignKey(Target, on_delete=models.PROTECT, related_name="recommendation_links")

    link_fields = ("recommendation", "target")

    objects = RecommendationTargetQuerySet.as_manager()
    history = curated_history()

    class Meta:
        ordering = ["recommendation", "target__position"]
        verbose_name = _("recommendation–target link")
        constraints = [
            models.UniqueConstraint(
                fields=["recommendation", "target"], name="recommendations_recommendationtarget_unique"
            ),
            *Evidence.evidence_constraints("recommendations_recommendationtarget"),
            status_constraint("recommendations_recommendationtarget"),
        ]

    def natural_key(self):
        return (*self.recommendation.natural_key(), *self.target.natural_key())

    natural_key.dependencies = ["recommendations.recommendation", "portal.target"]


class RecommendationGoalQuerySet(LinkQuerySet):
    def get_by_natural_key(self, recommendation_slug, goal_code):
        return self.get(recommendation__slug=recommendation_slug, goal__code=goal_code)


class RecommendationGoal(Evidence):
    """A link to a Sustainable Development Goal as a whole, where the source speaks of the goal, not a target."""

    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="goal_links")
    goal = models.ForeignKey(Goal, on_delete=models.PROTECT, related_name="recommendation_links")

    link_fields = ("recommendation", "goal")

    objects = RecommendationGoalQuerySet.as_manager()
    history = curated_history()

    class Meta:
        ordering = ["recommendation", "goal__number"]
        verbose_name = _("recommendation–goal link")
        constraints = [
            models.UniqueConstraint(
                fields=["recommendation", "goal"], name="recommendations_recommendationgoal_unique"
            ),
            *Evidence.evidence_constraints("recommendations_recommendationgoal"),
            status_constraint("recommendations_recommendationgoal"),
        ]

    def natural_key(self):
        return (*self.recommendation.natural_key(), *self.goal.natural_key())

    natural_key.dependencies = ["recommendations.recommendation", "portal.goal"]


class RecommendationInstrumentQuerySet(LinkQuerySet):
    def get_by_natural_key(self, recommendation_slug, instrument_slug):
        return self.get(recommendation__slug=recommendation_slug, instrument__slug=instrument_slug)


class RecommendationInstrument(Evidence):
    """A recommendation names or relies on an instrument."""

    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="instrument_links")
    instrument = models.ForeignKey(Instrument, on_delete=models.PROTECT, related_name="recommendation_links")

    link_fields = ("recommendation", "instrument")

    objects = RecommendationInstrumentQuerySet.as_manager()
    history = curated_history()

    class Meta:
        ordering = ["recommendation", "instrument__title"]
        verbose_name = _("recommendation–instrument link")
        constraints = [
            models.UniqueConstraint(
                fields=["recommendation", "instrument"], name="recommendations_recommendationinstrument_unique"
            ),
            *Evidence.evidence_constraints("recommendations_recommendationinstrument"),
            status_constraint("recommendations_recommendationinstrument"),
        ]

    def natural_key(self):
        return (*self.recommendation.natural_key(), *self.instrument.natural_key())

    natural_key.dependencies = ["recommendations.recommendation", "standards.instrument"]


class RecommendationProgrammeQuerySet(LinkQuerySet):
    def get_by_natural_key(self, recommendation_slug, programme_slug):
        return self.get(recommendation__slug=recommendation_slug, programme__slug=programme_slug)


class RecommendationProgramme(Evidence):
    """A recommendation concerns a programme (e.g. asks for its technical assistance)."""

    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="programme_links")
    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="recommendation_links")

    link_fields = ("recommendation", "programme")

    objects = RecommendationProgrammeQuerySet.as_manager()
    history = curated_history()

    class Meta:
        ordering = ["recommendation", "programme__title"]
        verbose_name = _("recommendation–programme link")
        constraints = [
            models.UniqueConstraint(
                fields=["recommendation", "programme"], name="recommendations_recommendationprogramme_unique"
            ),
            *Evidence.evidence_constraints("recommendations_recommendationprogramme"),
            status_constraint("recommendations_recommendationprogramme"),
        ]

    def natural_key(self):
        return (*self.recommendation.natural_key(), *self.programme.natural_key())

    natural_key.dependencies = ["recommendations.recommendation", "programmes.programme"]


# The lists a source gives as a whole live in their own module (the module size limit); imported here so
# that Django registers them with this app.
from recommendations.source_lists import SourceList, SourceListQuerySet  # noqa: E402, F401
