"""How instruments and their provisions appear on the shared pages (registered with `portal.pages`)."""

from django.db.models import TextField, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from portal.pages import HomeBlock, HomeCount, LinkPart, LinkSection, RecentEntries, ThemeSection, register
from standards.models import Instrument, InstrumentCategory, Provision
from standards.serializers import InstrumentLinkSerializer, ProvisionLinkSerializer

register(
    LinkSection(
        name="instrument",
        order=100,
        heading=_("Instruments that serve this target"),
        anchor="instruments",
        column=_("Instruments"),
        nouns=(_("instrument"), _("instruments")),
        empty=_("No instrument is linked to this target yet."),
        row_template="standards/includes/target_instrument_link.html",
        select_related=("instrument",),
        # by the name people know them by (the Bangkok Rules under B), as Instrument.by_common_name()
        order_by=(
            Coalesce(NullIf("instrument__short_title", Value("")), "instrument__title", output_field=TextField()).asc(),
            "instrument__pk",
        ),
        published=("instrument",),
        api_field="instruments",
        api_serializer=InstrumentLinkSerializer,
        api_list="api:instrument-list",
        page_list="standards:instrument-list",
        parts=(
            LinkPart(
                anchor="standards-and-norms",
                heading=_("UN standards and norms"),
                nouns=(
                    _("UN standard or norm"),
                    pgettext_lazy("counted: 9 UN standards and norms", "UN standards and norms"),
                ),
                filters={"instrument__category__in": [InstrumentCategory.STANDARD_AND_NORM]},
                empty=_("No UN standard or norm is linked to this target yet."),
                list_query={"category": InstrumentCategory.STANDARD_AND_NORM},
            ),
            LinkPart(
                anchor="treaties",
                heading=_("Treaties and protocols"),
                nouns=(_("treaty"), _("treaties")),
                filters={"instrument__category__in": [InstrumentCategory.TREATY]},
                empty=_("No treaty is linked to this target yet."),
                list_query={"category": InstrumentCategory.TREATY},
            ),
            LinkPart(
                anchor="other-instruments",
                heading=_("Declarations, model treaties, regional and other documents"),
                nouns=(_("other document"), _("other documents")),
                filters={
                    "instrument__category__in": [
                        InstrumentCategory.CONGRESS_DECLARATION,
                        InstrumentCategory.UN_DECLARATION,
                        InstrumentCategory.MODEL_TREATY,
                        InstrumentCategory.REGIONAL,
                        InstrumentCategory.RELATED,
                    ]
                },
                empty=_("No other document is linked to this target yet."),
            ),
        ),
    )
)
register(
    LinkSection(
        name="provision",
        order=110,
        heading=_("Rules and provisions"),
        anchor="provisions",
        column=_("Rules"),
        nouns=(_("rule"), _("rules")),
        empty=_("No individual rule is linked to this target yet."),
        row_template="standards/includes/target_provision_link.html",
        select_related=("provision__instrument",),
        order_by=("provision__instrument__title", "provision__position"),
        published=("provision", "provision__instrument"),
        api_field="provisions",
        api_serializer=ProvisionLinkSerializer,
        api_list="api:provision-list",
    )
)

register(
    HomeCount(
        order=100,
        label=_("instruments"),
        queryset=lambda: Instrument.objects.published(),
        url_name="standards:instrument-list",
    )
)
register(
    HomeCount(
        order=110, label=_("rules and provisions with official text"), queryset=lambda: Provision.objects.published()
    )
)
HOME_FEATURED_LIMIT = 30  # the home page shows at most this many, whatever the size of the database


def featured_instruments(limit: int | None = None) -> dict:
    """The UN standards and norms by common name: the first `limit` (HOME_FEATURED_LIMIT); are there more."""
    limit = HOME_FEATURED_LIMIT if limit is None else limit
    fields = ("slug", "title", "short_title", "year")
    featured = (
        Instrument.objects.published()
        .filter(category=InstrumentCategory.STANDARD_AND_NORM)
        .by_common_name()
        .only(*fields)
    )
    rows = list(featured[: limit + 1])
    return {"featured_instruments": rows[:limit], "more_featured": len(rows) > limit}


register(
    HomeBlock(
        order=100,
        template="standards/includes/home_featured.html",
        context=lambda: featured_instruments(),
    )
)
register(RecentEntries(order=100, queryset=lambda: Instrument.objects.published()))

register(
    ThemeSection(
        order=100,
        heading=_("Instruments"),
        entries=lambda theme: Instrument.objects.published().filter(themes=theme),
        row_template="standards/includes/theme_instrument.html",
        tagged=Instrument,
        count_nouns=(_("instrument"), _("instruments")),
        page_list="standards:instrument-list",
    )
)
