"""Lists a source paragraph gives as a whole, shown whole on the page of the document that states them."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from portal.models import Curated, CuratedQuerySet, PublicationStatus, Target, Theme, curated_history, status_constraint
from standards.models import Instrument


class SourceListQuerySet(CuratedQuerySet):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)

    def published(self):
        return self.filter(status=PublicationStatus.PUBLISHED, document__status=PublicationStatus.PUBLISHED)

    def stated_in(self, document, paragraph: str = ""):
        """The published lists a document states; with `paragraph` ("69 (e)"), those of that paragraph only."""
        lists = self.published().filter(document=document).select_related("document")
        if paragraph:
            number = paragraph.split()[0]
            lists = lists.filter(Q(locator=f"para {paragraph}") | Q(locator=f"para {number}"))
        return lists


ITEM_KEYS = {"label", "locator", "targets", "instrument", "theme"}


class SourceList(Curated):
    """A list a source paragraph gives as a whole (the instruments it calls crucial to a topic, the targets
    its footnotes tie to each type of crime), kept whole on the page of the document that states it.

    `items` is ordered: [{"label": the source's words, "locator": "fn 9" (optional), "targets": ["5.2"],
    "instrument": "slug", "theme": "slug"}]; each item may point to existing records by natural key.
    """

    slug = models.SlugField(_("slug"), max_length=120)
    document = models.ForeignKey("recommendations.Document", on_delete=models.PROTECT, related_name="source_lists")
    locator = models.CharField(
        _("paragraph"), max_length=200, help_text=_('Where the document gives the list: "para 15".')
    )
    title = models.CharField(_("title"), max_length=300, help_text=_("What the list is, in the curators' own words."))
    note = models.TextField(_("note"), blank=True, help_text=_("What the source says of the list, in our own words."))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    items = models.JSONField(
        _("items"),
        default=list,
        help_text=_(
            'In the source\'s order: [{"label": "trafficking in persons", "locator": "fn 9", '
            '"targets": ["5.2", "8.7", "16.2"], "instrument": "", "theme": ""}]. The label is the source\'s '
            "own words; targets (codes), instrument and theme (slugs) must exist."
        ),
    )

    objects = SourceListQuerySet.as_manager()
    history = curated_history()

    # The paragraph coverage (portal.citations) reads this as a citation of the document.
    cited_locator = ("document__symbol", "locator")

    class Meta:
        ordering = ["document", "position", "slug"]
        verbose_name = _("source list")
        verbose_name_plural = _("source lists")
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="recommendations_sourcelist_slug_unique"),
            status_constraint("recommendations_sourcelist"),
        ]

    def __str__(self):
        return f"{self.document}, {self.locator}: {self.title}"

    def natural_key(self):
        return (self.slug,)

    def clean(self):
        super().clean()
        errors = []
        if not isinstance(self.items, list) or not self.items:
            raise ValidationError({"items": _("A list needs at least one item.")})
        codes, slugs, themes = set(), set(), set()
        for number, item in enumerate(self.items, start=1):
            if not isinstance(item, dict) or not str(item.get("label") or "").strip() or set(item) - ITEM_KEYS:
                errors.append(_("Item %(n)s: an object with a label and only the keys %(keys)s.") % {
                    "n": number, "keys": ", ".join(sorted(ITEM_KEYS))})  # fmt: skip
                continue
            if not isinstance(item.get("targets", []), list):
                errors.append(_("Item %(n)s: targets must be a list of codes.") % {"n": number})
                continue
            codes.update(item.get("targets", []))
            slugs.update([item["instrument"]] if item.get("instrument") else [])
            themes.update([item["theme"]] if item.get("theme") else [])
        for model, field, wanted in ((Target, "code", codes), (Instrument, "slug", slugs), (Theme, "slug", themes)):
            missing = wanted - set(
                model._default_manager.filter(**{f"{field}__in": wanted}).values_list(field, flat=True)
            )
            if missing:
                errors.append(_("No %(model)s %(keys)s.") % {
                    "model": model._meta.verbose_name, "keys": ", ".join(sorted(missing))})  # fmt: skip
        if errors:
            raise ValidationError({"items": errors})

    @staticmethod
    def resolve(source_lists) -> list[SourceList]:
        """Set `rows` on each list: its items with the records they point to, published ones only.

        Three queries however many lists: the targets, the published instruments, the published themes.
        """
        source_lists = list(source_lists)
        items = [item for source_list in source_lists for item in source_list.items]
        codes = {code for item in items for code in item.get("targets", [])}
        targets = {t.code: t for t in Target.objects.filter(code__in=codes)} if codes else {}
        slugs = {i.get("instrument") for i in items} - {None, ""}
        instruments = {i.slug: i for i in Instrument.objects.published().filter(slug__in=slugs)} if slugs else {}
        theme_slugs = {i.get("theme") for i in items} - {None, ""}
        themes = {t.slug: t for t in Theme.objects.published().filter(slug__in=theme_slugs)} if theme_slugs else {}
        for source_list in source_lists:
            source_list.rows = [
                {
                    "label": item["label"],
                    "locator": item.get("locator", ""),
                    "targets": [targets[code] for code in item.get("targets", []) if code in targets],
                    "instrument": instruments.get(item.get("instrument")),
                    "theme": themes.get(item.get("theme")),
                }
                for item in source_list.items
            ]
        return source_lists
