"""UN standards and norms (and the other normative documents the sources cite), and their provisions."""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Case, Q, Value, When
from django.db.models.functions import Coalesce, NullIf
from django.urls import reverse
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
from portal.validators import validate_un_symbol


class InstrumentKind(models.TextChoices):
    RULES = "rules", _("Rules")
    PRINCIPLES = "principles", _("Principles")
    GUIDELINES = "guidelines", _("Guidelines")
    MODEL_STRATEGIES = "model_strategies", _("Model strategies")
    CODE = "code", _("Code of conduct")
    DECLARATION = "declaration", _("Declaration")
    CONVENTION = "convention", _("Convention")
    PROTOCOL = "protocol", _("Protocol")
    TREATY = "treaty", _("Treaty")
    MODEL_TREATY = "model_treaty", _("Model treaty")
    REGIONAL = "regional", _("Regional instrument")
    POLICY = "policy", _("Related policy or normative document")


class InstrumentCategory(models.TextChoices):
    """Where an instrument sits in the body of international norms."""

    STANDARD_AND_NORM = "standard_and_norm", _("UN standard and norm in crime prevention and criminal justice")
    CONGRESS_DECLARATION = "congress_declaration", _("Declaration of a UN crime congress")
    TREATY = "treaty", _("Treaty or protocol")
    UN_DECLARATION = "un_declaration", _("Other UN declaration")
    MODEL_TREATY = "model_treaty", _("UN model treaty on international cooperation")
    REGIONAL = "regional", _("Regional instrument")
    RELATED = "related", _("Related normative or policy document")


class AdoptingBody(models.TextChoices):
    GENERAL_ASSEMBLY = "general_assembly", _("General Assembly")
    ECOSOC = "ecosoc", _("Economic and Social Council")
    CONGRESS = "congress", _("United Nations Crime Congress")
    UN_SYSTEM = "un_system", _("United Nations system")
    UNESCO = "unesco", _("UNESCO")
    COUNCIL_OF_EUROPE = "council_of_europe", _("Council of Europe")
    EUROPEAN_UNION = "european_union", _("European Union")
    SADC = "sadc", _("Southern African Development Community")
    CSW = "csw", _("Commission on the Status of Women")
    STATISTICAL_COMMISSION = "statistical_commission", _("Statistical Commission")
    STATES_PARTIES = "states_parties", _("States parties")
    OTHER = "other", _("Other")


RESOLUTION_PREFIXES = {
    "A/RES/": "General Assembly",
    "E/RES/": "Economic and Social Council",
    "S/RES/": "Security Council",
}


class InstrumentQuerySet(CuratedQuerySet):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)

    def by_common_name(self):
        """Ordered by the name people know them by (the Bangkok Rules under B), as an index would."""
        common_name = Coalesce(NullIf("short_title", Value("")), "title", output_field=models.TextField())
        return self.order_by(common_name.asc(), "pk")

    def standards_first(self):
        """The UN standards and norms first, each group by the name people use: the instruments list's order."""
        other = Case(When(category=InstrumentCategory.STANDARD_AND_NORM, then=Value(0)), default=Value(1))
        common_name = Coalesce(NullIf("short_title", Value("")), "title", output_field=models.TextField())
        return self.order_by(other.asc(), common_name.asc(), "pk")


class Instrument(Curated):
    slug = models.SlugField(_("slug"), max_length=100)
    title = models.TextField(_("official title"))
    short_title = models.CharField(_("short title"), max_length=200, blank=True)
    aliases = models.JSONField(
        _("other names"), default=list, blank=True, help_text=_("Variant names found in the sources.")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=InstrumentKind.choices)
    category = models.CharField(_("category"), max_length=24, choices=InstrumentCategory.choices)
    adopting_body = models.CharField(_("adopting body"), max_length=24, choices=AdoptingBody.choices, blank=True)
    resolution_symbol = models.CharField(
        _("adopting resolution"),
        max_length=100,
        blank=True,
        validators=[validate_un_symbol],
        help_text=_("UN document symbol, e.g. A/RES/70/175."),
    )
    resolution_note = models.CharField(
        _("resolution note"), max_length=200, blank=True, help_text=_('e.g. "annex" or "annex I".')
    )
    symbol_missing_reason = models.CharField(
        _("why no symbol"),
        max_length=300,
        blank=True,
        help_text=_("Required when there is no adopting resolution symbol: say why (e.g. none given in the sources)."),
    )
    year = models.PositiveSmallIntegerField(_("year adopted"), null=True, blank=True)
    adopted_on = models.DateField(_("date adopted"), null=True, blank=True)
    summary = models.TextField(_("summary"), blank=True, help_text=_("In the curators' own words."))
    official_text_note = models.TextField(
        _("official text"),
        blank=True,
        help_text=_("Where the official text comes from, or why the portal does not hold it."),
    )
    themes = models.ManyToManyField(Theme, related_name="instruments", blank=True)
    targets = models.ManyToManyField(Target, through="InstrumentTarget", related_name="instruments", blank=True)
    search_vector = SearchVectorField(editable=False, null=True)  # set by a PostgreSQL trigger (portal migration 0003)

    objects = InstrumentQuerySet.as_manager()
    history = curated_history(excluded_fields=["search_vector"], m2m_fields=[themes])

    class Meta:
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="standards_instrument_slug_unique"),
            models.CheckConstraint(
                condition=~Q(resolution_symbol="") | ~Q(symbol_missing_reason=""),
                name="standards_instrument_symbol_or_reason",
            ),
            models.CheckConstraint(
                condition=Q(year__isnull=True) | (Q(year__gte=1900) & Q(year__lte=2100)),
                name="standards_instrument_year_range",
            ),
            status_constraint("standards_instrument"),
        ]

    def __str__(self):
        return self.common_name

    @property
    def common_name(self) -> str:
        """The name people use ("Bangkok Rules"): the short title, else the official title."""
        return self.short_title or self.title

    @property
    def is_standard_and_norm(self) -> bool:
        return self.category == InstrumentCategory.STANDARD_AND_NORM

    @property
    def official_title_differs(self) -> bool:
        """Whether the official title must be shown beneath the common name."""
        return self.common_name != self.title

    def get_absolute_url(self):
        return reverse("standards:instrument-detail", kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.slug,)

    @property
    def resolution_url(self) -> str:
        return f"{UNDOCS_BASE}{self.resolution_symbol}" if self.resolution_symbol else ""

    @property
    def resolution_label(self) -> str:
        """'A/RES/70/175' reads as 'General Assembly resolution 70/175'."""
        symbol = self.resolution_symbol
        for prefix, body in RESOLUTION_PREFIXES.items():
            if symbol.startswith(prefix):
                return f"{body} resolution {symbol.removeprefix(prefix)}"
        return symbol

    @property
    def citation(self) -> str:
        """How to cite the instrument, e.g. '…, General Assembly resolution 70/175, annex'."""
        parts = [self.title]
        if self.resolution_symbol:
            parts.append(self.resolution_label)
            if self.resolution_note:
                parts.append(self.resolution_note)
        elif self.year:
            parts.append(str(self.year))
        return ", ".join(parts)


class ProvisionKind(models.TextChoices):
    RULE = "rule", _("Rule")
    PRELIMINARY_OBSERVATION = "preliminary_observation", _("Preliminary observation")
    ARTICLE = "article", _("Article")
    PRINCIPLE = "principle", _("Principle")
    GUIDELINE = "guideline", _("Guideline")
    PARAGRAPH = "paragraph", _("Paragraph")


class ProvisionQuerySet(CuratedQuerySet):
    def get_by_natural_key(self, instrument_slug, ref):
        return self.get(instrument__slug=instrument_slug, ref=ref)

    def published(self):
        return self.filter(status=PublicationStatus.PUBLISHED, instrument__status=PublicationStatus.PUBLISHED)


class Provision(Curated):
    """A numbered rule, article or paragraph of an instrument, with its official text."""

    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="provisions")
    kind = models.CharField(_("kind"), max_length=24, choices=ProvisionKind.choices, default=ProvisionKind.RULE)
    number = models.CharField(_("number"), max_length=20, help_text=_('As printed: "58", "4.1".'))
    ref = models.SlugField(
        _("reference"),
        max_length=40,
        help_text=_('The permalink key within the instrument: "58", or "po-1" for a preliminary observation.'),
    )
    position = models.PositiveIntegerField(_("position"))
    part = models.CharField(_("part"), max_length=20, blank=True)
    part_title = models.CharField(_("part title"), max_length=300, blank=True)
    category = models.CharField(_("group"), max_length=300, blank=True)
    section = models.CharField(_("section"), max_length=300, blank=True)
    text = models.TextField(_("official text"), blank=True, help_text=_("Copied exactly from the official document."))
    footnotes = models.JSONField(_("footnotes"), default=list, blank=True)
    targets = models.ManyToManyField(Target, through="ProvisionTarget", related_name="provisions", blank=True)
    search_vector = SearchVectorField(editable=False, null=True)  # set by a PostgreSQL trigger (portal migration 0003)

    objects = ProvisionQuerySet.as_manager()
    history = curated_history(excluded_fields=["search_vector"])

    class Meta:
        ordering = ["instrument", "position"]
        constraints = [
            models.UniqueConstraint(fields=["instrument", "ref"], name="standards_provision_ref_unique_in_instrument"),
            models.UniqueConstraint(
                fields=["instrument", "kind", "number"], name="standards_provision_number_unique_in_instrument"
            ),
            models.UniqueConstraint(
                fields=["instrument", "position"], name="standards_provision_position_unique_in_instrument"
            ),
            status_constraint("standards_provision"),
        ]

    def __str__(self):
        return f"{self.instrument} {self.label}"

    def get_absolute_url(self):
        return reverse("standards:provision-detail", kwargs={"slug": self.instrument.slug, "ref": self.ref})

    def natural_key(self):
        return (*self.instrument.natural_key(), self.ref)

    natural_key.dependencies = ["standards.instrument"]

    @property
    def label(self) -> str:
        return f"{self.get_kind_display().lower()} {self.number}"

    # What names a provision in a link's rationale (portal.rationales): its instrument, its headings, "rule 24".
    rationale_names_related = ("instrument",)

    def rationale_names(self) -> list[str]:
        instrument = self.instrument
        return [
            instrument.title,
            instrument.short_title,
            *instrument.aliases,
            self.part_title,
            self.category,
            self.section,
        ]

    def rationale_codes(self) -> set[str]:
        return {self.label}

    @property
    def citation(self) -> str:
        return f"{self.instrument.citation}, {self.label}"

    @property
    def section_is_group_title(self) -> bool:
        """Mandela Rules part II groups B–E have no sub-headings: their section repeats the group's
        title ("C. Prisoners under arrest or awaiting trial" / "Prisoners under arrest or awaiting trial")."""
        return bool(self.category) and self.category.split(". ", 1)[-1] == self.section

    @property
    def shows_group(self) -> bool:
        """Whether the group is worth a line of its own beside the section (it says something the section does not)."""
        return bool(self.category) and self.category != self.section and not self.section_is_group_title

    @property
    def heading(self) -> str:
        """Group and section as one heading, never saying the same thing twice."""
        if self.section_is_group_title or not self.section:
            return self.category or self.section
        return f"{self.category}: {self.section}" if self.shows_group else self.section


# --- Cross-links with evidence ---------------------------------------------------


class InstrumentTargetQuerySet(LinkQuerySet):
    def get_by_natural_key(self, instrument_slug, target_code):
        return self.get(instrument__slug=instrument_slug, target__code=target_code)


class InstrumentTarget(Evidence):
    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="target_links")
    target = models.ForeignKey(Target, on_delete=models.PROTECT, related_name="instrument_links")

    link_fields = ("instrument", "target")

    objects = InstrumentTargetQuerySet.as_manager()
    history = curated_history()

    class Meta:
        ordering = ["instrument", "target__position"]
        verbose_name = _("instrument–target link")
        constraints = [
            models.UniqueConstraint(fields=["instrument", "target"], name="standards_instrumenttarget_unique"),
            *Evidence.evidence_constraints("standards_instrumenttarget"),
            status_constraint("standards_instrumenttarget"),
        ]

    def natural_key(self):
        return (*self.instrument.natural_key(), *self.target.natural_key())

    natural_key.dependencies = ["standards.instrument", "portal.target"]


class InstrumentGoalQuerySet(LinkQuerySet):
    def get_by_natural_key(self, instrument_slug, goal_code):
        return self.get(instrument__slug=instrument_slug, goal__code=goal_code)


class InstrumentGoal(Evidence):
    """A link to a Sustainable Development Goal as a whole, where the source speaks of the goal, not a target."""

    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="goal_links")
    goal = models.ForeignKey(Goal, on_delete=models.PROTECT, related_name="instrument_links")

    link_fields = ("instrument", "goal")

    objects = InstrumentGoalQuerySet.as_manager()
    history = curated_history()

    class Meta:
        ordering = ["instrument", "goal__number"]
        verbose_name = _("instrument–goal link")
        constraints = [
            models.UniqueConstraint(fields=["instrument", "goal"], name="standards_instrumentgoal_unique"),
            *Evidence.evidence_constraints("standards_instrumentgoal"),
            status_constraint("standards_instrumentgoal"),
        ]

    def natural_key(self):
        return (*self.instrument.natural_key(), *self.goal.natural_key())

    natural_key.dependencies = ["standards.instrument", "portal.goal"]


class ProvisionTargetQuerySet(LinkQuerySet):
    def get_by_natural_key(self, instrument_slug, ref, target_code):
        return self.get(provision__instrument__slug=instrument_slug, provision__ref=ref, target__code=target_code)


class ProvisionTarget(Evidence):
    provision = models.ForeignKey(Provision, on_delete=models.CASCADE, related_name="target_links")
    target = models.ForeignKey(Target, on_delete=models.PROTECT, related_name="provision_links")

    link_fields = ("provision", "target")

    objects = ProvisionTargetQuerySet.as_manager()
    history = curated_history()

    class Meta:
        ordering = ["provision", "target__position"]
        verbose_name = _("provision–target link")
        constraints = [
            models.UniqueConstraint(fields=["provision", "target"], name="standards_provisiontarget_unique"),
            *Evidence.evidence_constraints("standards_provisiontarget"),
            status_constraint("standards_provisiontarget"),
        ]

    def natural_key(self):
        return (*self.provision.natural_key(), *self.target.natural_key())

    natural_key.dependencies = ["standards.provision", "portal.target"]
