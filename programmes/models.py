"""UNODC programmes and initiatives, their tools and publications, and technical assistance by country."""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.models import (
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
    validate_source_symbol,
)
from programmes.choices import ProgrammeKind, ResourceKind
from programmes.facts import Fact, Reach, key_facts
from standards.models import Instrument, InstrumentTarget


class CountryQuerySet(CuratedQuerySet):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)

    def with_published_activities(self):
        return self.filter(Exists(Activity.objects.published().filter(country=OuterRef("pk"))))

    def public(self):
        """The countries public output may name: published, with at least one published activity."""
        return self.published().with_published_activities()


class Country(Curated):
    """A country or territory named in the sources; curated, so a new one is public only once published."""

    scale_copies = False  # a vocabulary: generate_scale_data does not copy it
    slug = models.SlugField(_("slug"), max_length=80)
    name = models.CharField(_("name"), max_length=120, help_text=_("As the United Nations writes it."))
    iso3 = models.CharField(
        _("ISO 3166-1 alpha-3 code"), max_length=3, blank=True, help_text=_("From general knowledge, not the sources.")
    )
    search_vector = SearchVectorField(editable=False, null=True)  # set by a PostgreSQL trigger (migration 0006)

    objects = CountryQuerySet.as_manager()
    history = curated_history(excluded_fields=["search_vector"])

    class Meta:
        ordering = ["name"]
        verbose_name_plural = _("countries")
        constraints = [
            status_constraint("programmes_country"),
            models.UniqueConstraint(fields=["slug"], name="programmes_country_slug_unique"),
            models.UniqueConstraint(fields=["name"], name="programmes_country_name_unique"),
            models.UniqueConstraint(
                fields=["iso3"], condition=~Q(iso3=""), name="programmes_country_iso3_unique_when_set"
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("programmes:country-detail", kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.slug,)


class ProgrammeQuerySet(CuratedQuerySet):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Programme(Curated):
    slug = models.SlugField(_("slug"), max_length=100)
    title = models.CharField(_("title"), max_length=300)
    short_title = models.CharField(_("short title"), max_length=120, blank=True)
    aliases = models.JSONField(_("other names"), default=list, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=ProgrammeKind.choices)
    lead_entity = models.CharField(_("lead entity"), max_length=200, blank=True)
    partners = models.TextField(_("partners"), blank=True)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text=_("The programme this initiative belongs to, if any."),
    )
    summary = models.TextField(_("summary"), blank=True, help_text=_("In the curators' own words."))
    facts = models.TextField(
        _("key facts"), blank=True, help_text=_("Figures from the sources, each with its paragraph.")
    )
    start_year = models.PositiveSmallIntegerField(_("start year"), null=True, blank=True)
    url = models.URLField(_("website"), blank=True)
    themes = models.ManyToManyField(Theme, related_name="programmes", blank=True)
    targets = models.ManyToManyField(Target, through="ProgrammeTarget", related_name="programmes", blank=True)
    instruments = models.ManyToManyField(
        Instrument, through="ProgrammeInstrument", related_name="programmes", blank=True
    )
    search_vector = SearchVectorField(editable=False, null=True)  # set by a PostgreSQL trigger (portal migration 0003)

    objects = ProgrammeQuerySet.as_manager()
    history = curated_history(excluded_fields=["search_vector"], m2m_fields=[themes])

    class Meta:
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="programmes_programme_slug_unique"),
            models.CheckConstraint(condition=~Q(parent=models.F("pk")), name="programmes_programme_not_own_parent"),
            status_constraint("programmes_programme"),
        ]

    def __str__(self):
        return self.short_title or self.title

    @property
    def key_facts(self) -> list[Fact]:
        return key_facts(self.facts)

    def get_absolute_url(self):
        return reverse("programmes:programme-detail", kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.slug,)


class InterventionAreaQuerySet(CuratedQuerySet):
    def get_by_natural_key(self, programme_slug, slug):
        return self.get(programme__slug=programme_slug, slug=slug)

    def published(self):
        return self.filter(status=PublicationStatus.PUBLISHED, programme__status=PublicationStatus.PUBLISHED)


class InterventionArea(Curated):
    """An area of intervention of a programme (e.g. the Global Programme's six)."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="intervention_areas")
    slug = models.SlugField(_("slug"), max_length=100)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = InterventionAreaQuerySet.as_manager()
    history = curated_history()

    class Meta:
        ordering = ["programme", "position"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "slug"], name="programmes_interventionarea_slug_unique"),
            status_constraint("programmes_interventionarea"),
        ]

    def __str__(self):
        return self.title

    def natural_key(self):
        return (*self.programme.natural_key(), self.slug)

    natural_key.dependencies = ["programmes.programme"]


class ResourceQuerySet(CuratedQuerySet):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Resource(Curated):
    """A tool or publication: handbook, toolkit, e-learning course, model law."""

    slug = models.SlugField(_("slug"), max_length=120)
    title = models.TextField(_("title"))
    kind = models.CharField(_("kind"), max_length=20, choices=ResourceKind.choices)
    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, null=True, blank=True, related_name="resources")
    publisher = models.CharField(_("publisher"), max_length=300, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    languages = models.JSONField(
        _("languages"), default=list, blank=True, help_text=_("Languages named in the sources.")
    )
    language_count = models.PositiveSmallIntegerField(_("number of languages"), null=True, blank=True)
    users = models.PositiveIntegerField(_("users reached"), null=True, blank=True)
    country_count = models.PositiveSmallIntegerField(_("countries reached"), null=True, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    facts = models.TextField(_("key facts"), blank=True)
    url = models.URLField(_("website"), blank=True)
    themes = models.ManyToManyField(Theme, related_name="resources", blank=True)
    instruments = models.ManyToManyField(Instrument, through="ResourceInstrument", related_name="resources", blank=True)
    search_vector = SearchVectorField(editable=False, null=True)  # set by a PostgreSQL trigger (portal migration 0003)

    objects = ResourceQuerySet.as_manager()
    history = curated_history(excluded_fields=["search_vector"], m2m_fields=[themes])

    class Meta:
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="programmes_resource_slug_unique"),
            status_constraint("programmes_resource"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("programmes:resource-detail", kwargs={"slug": self.slug})

    @property
    def key_facts(self) -> list[Fact]:
        return key_facts(self.facts)

    def targets_through_instruments(self) -> list[tuple[Target, list[InstrumentTarget]]]:
        """The SDG targets this tool serves through the instruments it implements (resource → instrument →
        target), each with the instrument links that reach it, in one query. Not links of the tool itself."""
        implemented = ResourceInstrument.objects.published().filter(resource=self).values("instrument")
        links = (
            InstrumentTarget.objects.published()
            .filter(instrument__in=implemented)
            .select_related("target", "instrument")
            .order_by("target__position", "instrument__short_title", "instrument__title")
        )
        by_target: dict[int, tuple[Target, list]] = {}
        for link in links:
            by_target.setdefault(link.target_id, (link.target, []))[1].append(link)
        return list(by_target.values())

    def natural_key(self):
        return (self.slug,)


class ActivityQuerySet(CuratedQuerySet):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)

    def published(self):
        """Published activities whose country (if any) is published too: a new country is public once reviewed."""
        return super().published().filter(Q(country__isnull=True) | Q(country__status=PublicationStatus.PUBLISHED))

    def reach(self) -> "Reach":
        """Where and when these activities took place, in one query: countries, regions, first and last year."""
        reach = Reach()
        rows = self.order_by().values_list("country__name", "country__slug", "region", "year").distinct()
        for name, slug, region, year in rows:
            if slug:
                reach.countries[slug] = name
            elif region:
                reach.regions.add(region)
            else:
                reach.is_global = True
            reach.years.add(year)
        return reach


class Activity(Curated):
    """Technical assistance delivered in a country in a year, as a report records it."""

    slug = models.SlugField(_("slug"), max_length=120)
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activities",
        help_text=_("Empty for regional or global activities."),
    )
    region = models.CharField(_("region"), max_length=120, blank=True)
    year = models.PositiveSmallIntegerField(_("year"))
    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, null=True, blank=True, related_name="activities")
    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, null=True, blank=True, related_name="activities")
    description = models.TextField(_("description"), help_text=_("What was done, in the curators' own words."))
    source_symbol = models.CharField(_("source document"), max_length=100)
    source_locator = models.CharField(_("paragraph"), max_length=200)
    instruments = models.ManyToManyField(
        Instrument,
        related_name="activities",
        blank=True,
        help_text=_("Instruments the source paragraph names for this activity."),
    )
    search_vector = SearchVectorField(editable=False, null=True)  # set by a PostgreSQL trigger (migration 0006)

    objects = ActivityQuerySet.as_manager()
    history = curated_history(excluded_fields=["search_vector"], m2m_fields=[instruments])

    class Meta:
        ordering = ["-year", "country__name", "slug"]
        verbose_name_plural = _("activities")
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="programmes_activity_slug_unique"),
            models.CheckConstraint(
                condition=~Q(source_symbol="") & ~Q(source_locator=""), name="programmes_activity_evidence_required"
            ),
            models.CheckConstraint(
                condition=Q(year__gte=1945) & Q(year__lte=2100), name="programmes_activity_year_range"
            ),
            status_constraint("programmes_activity"),
        ]

    def __str__(self):
        where = self.country.name if self.country_id else (self.region or _("Global"))
        return f"{where}, {self.year}: {self.description[:60]}"

    def clean(self):
        super().clean()
        validate_source_symbol(self.source_symbol, "source_symbol")

    def natural_key(self):
        return (self.slug,)


# --- Cross-links with evidence ---------------------------------------------------


class ProgrammeTargetQuerySet(LinkQuerySet):
    def get_by_natural_key(self, programme_slug, target_code):
        return self.get(programme__slug=programme_slug, target__code=target_code)


class ProgrammeTarget(Evidence):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="target_links")
    target = models.ForeignKey(Target, on_delete=models.PROTECT, related_name="programme_links")

    link_fields = ("programme", "target")

    objects = ProgrammeTargetQuerySet.as_manager()
    history = curated_history()

    class Meta:
        ordering = ["programme", "target__position"]
        verbose_name = _("programme–target link")
        constraints = [
            models.UniqueConstraint(fields=["programme", "target"], name="programmes_programmetarget_unique"),
            *Evidence.evidence_constraints("programmes_programmetarget"),
            status_constraint("programmes_programmetarget"),
        ]

    def natural_key(self):
        return (*self.programme.natural_key(), *self.target.natural_key())

    natural_key.dependencies = ["programmes.programme", "portal.target"]


class ProgrammeGoalQuerySet(LinkQuerySet):
    def get_by_natural_key(self, programme_slug, goal_code):
        return self.get(programme__slug=programme_slug, goal__code=goal_code)


class ProgrammeGoal(Evidence):
    """A link to a Sustainable Development Goal as a whole, where the source speaks of the goal, not a target."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="goal_links")
    goal = models.ForeignKey(Goal, on_delete=models.PROTECT, related_name="programme_links")

    link_fields = ("programme", "goal")

    objects = ProgrammeGoalQuerySet.as_manager()
    history = curated_history()

    class Meta:
        ordering = ["programme", "goal__number"]
        verbose_name = _("programme–goal link")
        constraints = [
            models.UniqueConstraint(fields=["programme", "goal"], name="programmes_programmegoal_unique"),
            *Evidence.evidence_constraints("programmes_programmegoal"),
            status_constraint("programmes_programmegoal"),
        ]

    def natural_key(self):
        return (*self.programme.natural_key(), *self.goal.natural_key())

    natural_key.dependencies = ["programmes.programme", "portal.goal"]


class ProgrammeInstrumentQuerySet(LinkQuerySet):
    def get_by_natural_key(self, programme_slug, instrument_slug):
        return self.get(programme__slug=programme_slug, instrument__slug=instrument_slug)


class ProgrammeInstrument(Evidence):
    """A programme promotes or implements an instrument."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="instrument_links")
    instrument = models.ForeignKey(Instrument, on_delete=models.PROTECT, related_name="programme_links")

    link_fields = ("programme", "instrument")

    objects = ProgrammeInstrumentQuerySet.as_manager()
    history = curated_history()

    class Meta:
        ordering = ["programme", "instrument__title"]
        verbose_name = _("programme–instrument link")
        constraints = [
            models.UniqueConstraint(fields=["programme", "instrument"], name="programmes_programmeinstrument_unique"),
            *Evidence.evidence_constraints("programmes_programmeinstrument"),
            status_constraint("programmes_programmeinstrument"),
        ]

    def natural_key(self):
        return (*self.programme.natural_key(), *self.instrument.natural_key())

    natural_key.dependencies = ["programmes.programme", "standards.instrument"]


class ResourceInstrumentQuerySet(LinkQuerySet):
    def get_by_natural_key(self, resource_slug, instrument_slug):
        return self.get(resource__slug=resource_slug, instrument__slug=instrument_slug)


class ResourceInstrument(Evidence):
    """A tool or publication implements an instrument."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="instrument_links")
    instrument = models.ForeignKey(Instrument, on_delete=models.PROTECT, related_name="resource_links")

    link_fields = ("resource", "instrument")

    objects = ResourceInstrumentQuerySet.as_manager()
    history = curated_history()

    class Meta:
        ordering = ["resource", "instrument__title"]
        verbose_name = _("resource–instrument link")
        constraints = [
            models.UniqueConstraint(fields=["resource", "instrument"], name="programmes_resourceinstrument_unique"),
            *Evidence.evidence_constraints("programmes_resourceinstrument"),
            status_constraint("programmes_resourceinstrument"),
        ]

    def natural_key(self):
        return (*self.resource.natural_key(), *self.instrument.natural_key())

    natural_key.dependencies = ["programmes.resource", "standards.instrument"]
