"""How programmes, tools and technical assistance appear on the shared pages (registered with `portal.pages`)."""

from django.utils.translation import gettext_lazy as _

from portal.pages import HomeCount, LinkSection, RecentEntries, ThemeSection, register
from programmes.models import Activity, Programme, Resource
from programmes.serializers import ProgrammeLinkSerializer

register(
    LinkSection(
        name="programme",
        order=200,
        heading=_("Programmes"),
        anchor="programmes",
        column=_("Programmes"),
        nouns=(_("programme"), _("programmes")),
        empty=_("No programme is linked to this target yet."),
        row_template="programmes/includes/target_programme_link.html",
        select_related=("programme",),
        order_by=("programme__title",),
        published=("programme",),
        api_field="programmes",
        api_serializer=ProgrammeLinkSerializer,
        api_list="api:programme-list",
        page_list="programmes:programme-list",
    )
)

register(
    HomeCount(
        order=200,
        label=_("programmes and initiatives"),
        queryset=lambda: Programme.objects.published(),
        url_name="programmes:programme-list",
    )
)
register(
    HomeCount(
        order=210,
        label=_("tools and publications"),
        queryset=lambda: Resource.objects.published(),
        url_name="programmes:resource-list",
    )
)
register(
    HomeCount(
        order=400,  # last: after the recommendations
        label=_("technical-assistance activities"),
        queryset=lambda: Activity.objects.published(),
        url_name="programmes:activity-list",
    )
)
register(RecentEntries(order=200, queryset=lambda: Programme.objects.published()))

register(
    ThemeSection(
        order=200,
        heading=_("Programmes and initiatives"),
        entries=lambda theme: Programme.objects.published().filter(themes=theme),
        row_template="programmes/includes/theme_programme.html",
        tagged=Programme,
        count_nouns=(_("programme"), _("programmes")),
        page_list="programmes:programme-list",
    )
)
register(
    ThemeSection(
        order=210,
        heading=_("Tools and publications"),
        entries=lambda theme: Resource.objects.published().filter(themes=theme),
        row_template="programmes/includes/theme_resource.html",
        tagged=Resource,
        count_nouns=(_("tool and publication"), _("tools and publications")),
        page_list="programmes:resource-list",
    )
)
register(
    ThemeSection(
        order=400,  # last: after the recommendations
        page_list="programmes:activity-list",
        heading=_("Technical assistance"),
        entries=lambda theme: Activity.objects.published().filter(theme=theme).select_related("country"),
        row_template="programmes/includes/theme_activity.html",
        empty=_("None recorded."),
        count_nouns=(_("technical-assistance activity"), _("technical-assistance activities")),
    )
)
