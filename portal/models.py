"""Models every app shares: the SDG framework, themes, and the curation building blocks.

`Curated` gives an entity its publication status and timestamps; `Evidence` gives a
cross-link its provenance (source document symbol, paragraph, rationale, basis).
"""

from django.apps import apps
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import FilteredRelation, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portal.sdg_texts import UN_LANGUAGES, InLanguage, sdg_language  # noqa: F401 (UN_LANGUAGES, sdg_language: re-exported)
from portal.translated import EnglishBaseColumnsMixin, EnglishQueriesMixin
from portal.validators import validate_goal_code, validate_indicator_code, validate_target_code

SDG_IRI_BASE = "http://metadata.un.org/sdg/"
UNDOCS_BASE = "https://undocs.org/"


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class LinkBasis(models.TextChoices):
    STATED = "stated", _("Stated in the source")
    JUDGEMENT = "judgement", _("Curator's judgement")


class TimeStamped(models.Model):
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True, db_index=True)

    class Meta:
        abstract = True


PUBLISHED_PREFIX = "published_"


class PublishedRelationsIterable(models.query.ModelIterable):
    """Model instances whose every `select_published()` join is set: the related entry, or None.

    (Django leaves a filtered relation's attribute unset when the join finds nothing.)
    """

    def __iter__(self):
        names = [name for name in self.queryset.query._filtered_relations if name.startswith(PUBLISHED_PREFIX)]
        for instance in super().__iter__():
            for name in names:
                instance.__dict__.setdefault(name, None)
            yield instance


class CuratedQuerySet(EnglishQueriesMixin, models.QuerySet):
    """Public output reads only `published()` entries, and reaches related entries only through
    `published()` querysets (`Prefetch("themes", queryset=Theme.objects.published())`) or
    `select_published()`, so a draft never shows on a page, in a list or in the API."""

    def published(self):
        return self.filter(status=PublicationStatus.PUBLISHED)

    def select_published(self, *relations: str):
        """Join each foreign key in `relations` as `published_<last part>`: the related entry when it is
        published, else None. Pages read `programme.published_parent`, never `programme.parent` (which
        would show a draft parent). No extra query: the join is `select_related`'s, with the status in it."""
        joins = {
            f"{PUBLISHED_PREFIX}{relation.split('__')[-1]}": FilteredRelation(
                relation, condition=Q(**{f"{relation}__status": PublicationStatus.PUBLISHED})
            )
            for relation in relations
        }
        queryset = self.annotate(**joins).select_related(*joins)
        queryset._iterable_class = PublishedRelationsIterable
        return queryset

    def updated_since(self, moment):
        return self.filter(updated_at__gte=moment)


class LinkQuerySet(CuratedQuerySet):
    def published(self):
        """Published links whose two ends are public too, so a link never leads to a hidden entry."""
        queryset = super().published()
        for name in self.model.link_fields:
            end = self.model._meta.get_field(name).related_model
            if issubclass(end, Curated):
                queryset = queryset.filter(**{f"{name}__in": end.objects.published()})
        return queryset


class Curated(EnglishBaseColumnsMixin, TimeStamped):
    """An entity curators draft, review and publish."""

    status = models.CharField(
        _("publication status"),
        max_length=16,
        choices=PublicationStatus.choices,
        default=PublicationStatus.DRAFT,
        db_index=True,
    )
    sources = models.JSONField(
        _("sources"),
        default=list,
        blank=True,
        help_text=_(
            'Where the source documents mention this entry: [{"symbol": "A/CONF.234/PM.1", "locator": "para 21"}].'
        ),
    )
    general_knowledge = models.TextField(
        _("facts from general knowledge"),
        blank=True,
        help_text=_(
            "Facts recorded here that are not in the source documents (e.g. an adoption date). "
            "Empty when every fact comes from a cited source."
        ),
    )

    objects = CuratedQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_published(self) -> bool:
        return self.status == PublicationStatus.PUBLISHED

    @property
    def sources_by_document(self) -> list[tuple[str, list[str]]]:
        """The sources grouped by document, in the order first cited: [("GP-BROCHURE", ["section 'A'", ...])]."""
        grouped: dict[str, list[str]] = {}
        for source in self.sources:
            grouped.setdefault(source["symbol"], []).append(source["locator"])
        return list(grouped.items())


def validate_source_symbol(symbol: str, field_name: str) -> None:
    """A source must be a document the portal knows (by its symbol), so every citation resolves."""
    document_model = apps.get_model("recommendations", "Document")
    if symbol and not document_model.objects.filter(symbol=symbol).exists():
        raise ValidationError({field_name: _("No document with the symbol “%(symbol)s”.") % {"symbol": symbol}})


class Evidence(TimeStamped):
    """Provenance every cross-link must carry: no link without evidence."""

    source_symbol = models.CharField(
        _("source document"),
        max_length=100,
        help_text=_("Symbol of the document that supports the link, e.g. A/CONF.234/PM.1."),
    )
    source_locator = models.CharField(
        _("paragraph or section"),
        max_length=200,
        help_text=_(
            'Where in the source: "para 21", "para 44 (b)", or a section heading for documents without paragraphs.'
        ),
    )
    rationale = models.TextField(_("rationale"), help_text=_("One sentence: why the two are linked."))
    basis = models.CharField(_("basis"), max_length=16, choices=LinkBasis.choices, default=LinkBasis.STATED)
    status = models.CharField(
        _("publication status"),
        max_length=16,
        choices=PublicationStatus.choices,
        default=PublicationStatus.DRAFT,
        db_index=True,
    )

    # The two ends of the link, e.g. ("instrument", "target"); set by each link model.
    link_fields: tuple[str, str] = ("", "")

    objects = LinkQuerySet.as_manager()

    class Meta:
        abstract = True

    def __str__(self):
        first, second = (getattr(self, name) for name in self.link_fields)
        return f"{first} → {second}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.touch_ends()

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        self.touch_ends()
        return result

    def touch_ends(self) -> None:
        """A changed link changes both entries it joins, so `updated_since` harvests see it."""
        now = timezone.now()
        for name in self.link_fields:
            related_model = self._meta.get_field(name).related_model
            related_model._default_manager.filter(pk=getattr(self, f"{name}_id")).update(updated_at=now)

    def clean(self):
        super().clean()
        validate_source_symbol(self.source_symbol, "source_symbol")

    @property
    def evidence_label(self) -> str:
        return f"{self.source_symbol} {self.source_locator}"

    @classmethod
    def evidence_constraints(cls, prefix: str) -> list[models.BaseConstraint]:
        return [
            models.CheckConstraint(
                condition=~Q(source_symbol="") & ~Q(source_locator="") & ~Q(rationale=""),
                name=f"{prefix}_evidence_required",
            ),
            models.CheckConstraint(condition=Q(basis__in=LinkBasis.values), name=f"{prefix}_basis_valid"),
        ]


def curated_history(**kwargs) -> HistoricalRecords:
    """Record who changed a curated entry or link, when, and what (django-simple-history)."""
    return HistoricalRecords(cascade_delete_history=False, **kwargs)


def status_constraint(prefix: str) -> models.CheckConstraint:
    return models.CheckConstraint(condition=Q(status__in=PublicationStatus.values), name=f"{prefix}_status_valid")


# --- SDG framework ---------------------------------------------------------------


class GoalQuerySet(models.QuerySet):
    def get_by_natural_key(self, code):
        return self.get(code=code)


class Goal(InLanguage, TimeStamped):
    code = models.CharField(_("code"), max_length=2, validators=[validate_goal_code], help_text=_('"1" to "17".'))
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.TextField(_("official title"))
    short_title = models.CharField(_("short title"), max_length=100)
    titles = models.JSONField(_("titles in the UN languages"), default=dict)
    short_titles = models.JSONField(_("short titles in the UN languages"), default=dict)
    search_vector = SearchVectorField(editable=False, null=True)  # set by a PostgreSQL trigger (migration 0007)

    objects = GoalQuerySet.as_manager()

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["code"], name="portal_goal_code_unique"),
            models.UniqueConstraint(fields=["number"], name="portal_goal_number_unique"),
            models.CheckConstraint(condition=Q(number__gte=1) & Q(number__lte=17), name="portal_goal_number_range"),
        ]

    def __str__(self):
        return gettext("Goal %(code)s: %(title)s") % {"code": self.code, "title": self.local_short_title}

    def get_absolute_url(self):
        return reverse("portal:goal-detail", kwargs={"code": self.code})

    def natural_key(self):
        return (self.code,)

    @property
    def local_short_title(self) -> str:
        return self.in_language(self.short_titles, self.short_title)

    @property
    def iri(self) -> str:
        return f"{SDG_IRI_BASE}{self.code}"


class TargetQuerySet(models.QuerySet):
    def get_by_natural_key(self, code):
        return self.get(code=code)

    def for_goal(self, goal_code):
        return self.filter(goal__code=goal_code)


class Target(InLanguage, TimeStamped):
    code = models.CharField(
        _("code"), max_length=8, validators=[validate_target_code], help_text=_('e.g. "16.3" or "16.a".')
    )
    goal = models.ForeignKey(Goal, on_delete=models.PROTECT, related_name="targets")
    position = models.PositiveSmallIntegerField(_("position in the official list"))
    title = models.TextField(_("official text"))
    titles = models.JSONField(_("text in the UN languages"), default=dict)
    search_vector = SearchVectorField(editable=False, null=True)  # set by a PostgreSQL trigger (portal migration 0003)

    objects = TargetQuerySet.as_manager()

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["code"], name="portal_target_code_unique"),
            models.UniqueConstraint(fields=["position"], name="portal_target_position_unique"),
        ]

    def __str__(self):
        return gettext("Target %(code)s") % {"code": self.code}

    def get_absolute_url(self):
        return reverse("portal:target-detail", kwargs={"code": self.code})

    def natural_key(self):
        return (self.code,)

    natural_key.dependencies = ["portal.goal"]

    @property
    def iri(self) -> str:
        return f"{SDG_IRI_BASE}{self.code}"


class IndicatorQuerySet(models.QuerySet):
    def get_by_natural_key(self, code):
        return self.get(code=code)


class Indicator(InLanguage, TimeStamped):
    """One listing of an indicator under a target; a repeated indicator has several listings."""

    code = models.CharField(
        _("code"), max_length=12, validators=[validate_indicator_code], help_text=_('e.g. "16.3.1".')
    )
    target = models.ForeignKey(Target, on_delete=models.PROTECT, related_name="indicators")
    position = models.PositiveSmallIntegerField(_("position in the official list"))
    title = models.TextField(_("official text"))
    unsd_code = models.CharField(_("UNSD code"), max_length=16, blank=True)
    also_listed_as = models.JSONField(_("also listed as"), default=list, blank=True)
    titles = models.JSONField(
        _("text in the UN languages"),
        default=dict,
        help_text=_("Only the languages that have a translation of the current wording; others fall back to English."),
    )
    search_vector = SearchVectorField(editable=False, null=True)  # set by a PostgreSQL trigger (portal migration 0003)

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["code"], name="portal_indicator_code_unique"),
            models.UniqueConstraint(fields=["position"], name="portal_indicator_position_unique"),
        ]

    def __str__(self):
        return gettext("Indicator %(code)s") % {"code": self.code}

    def natural_key(self):
        return (self.code,)

    natural_key.dependencies = ["portal.target"]

    @property
    def iri(self) -> str:
        return f"{SDG_IRI_BASE}{self.code}"


# --- Themes ----------------------------------------------------------------------


class ThemeScheme(models.TextChoices):
    THEMATIC_AREA = "thematic_area", _("Thematic area of the Global Programme")
    CROSS_CUTTING = "cross_cutting", _("Additional area")
    TOPIC = "topic", _("Topic")


class ThemeQuerySet(CuratedQuerySet):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Theme(Curated):
    scale_copies = False  # a vocabulary: generate_scale_data does not copy it
    slug = models.SlugField(_("slug"), max_length=80)
    code = models.CharField(_("short code"), max_length=8, blank=True, help_text=_('e.g. "AJ" for Access to justice.'))
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    scheme = models.CharField(
        _("scheme"), max_length=20, choices=ThemeScheme.choices, default=ThemeScheme.THEMATIC_AREA
    )
    parent = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="children")
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = ThemeQuerySet.as_manager()
    history = curated_history()

    class Meta:
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="portal_theme_slug_unique"),
            models.UniqueConstraint(fields=["code"], condition=~Q(code=""), name="portal_theme_code_unique_when_set"),
            status_constraint("portal_theme"),
        ]
        # The workflow permission for all curated content; Django attaches permissions to a model.
        permissions = [("publish_content", _("Can publish and withdraw curated content"))]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("portal:theme-detail", kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.slug,)


def published_themes(relation: str = "themes") -> Prefetch:
    """Prefetch an entry's themes, the published ones only (templates and serializers read `.themes.all`)."""
    return Prefetch(relation, queryset=Theme.objects.published())


# --- Seeding ---------------------------------------------------------------------


from portal.seed_fingerprints import SeedFingerprint  # noqa: E402, F401  (its own module; registered here)
from portal.tally import Tally  # noqa: E402, F401  (its own module; registered here as a model)
from portal.versioning import ContentVersion  # noqa: E402, F401  (its own module; registered here as a model)
