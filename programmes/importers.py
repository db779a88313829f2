"""Bulk import and export of activities (what a country or region did, with its source)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.imports import CHANGED, UNCHANGED, Importer, RowError, register, split_list
from portal.models import Theme
from programmes.models import Activity, Country, Programme
from standards.models import Instrument


@register
class ActivityImporter(Importer):
    kind = "activities"
    label = gettext_lazy("Activities")
    help_text = gettext_lazy(
        "slug, year, country, region, programme, theme, description, source, locator, instruments."
    )
    model = Activity
    order = 30
    columns = ("slug", "year", "country", "region", "programme", "theme", "description", "source", "locator",
               "instruments")  # fmt: skip
    required = ("slug", "year", "description", "source", "locator")

    @classmethod
    def export_values(cls, obj):
        return {
            "slug": obj.slug, "year": obj.year, "country": obj.country.slug if obj.country else "",
            "region": obj.region, "programme": obj.programme.slug if obj.programme else "",
            "theme": obj.theme.slug if obj.theme else "", "description": obj.description,
            "source": obj.source_symbol, "locator": obj.source_locator,
            "instruments": "; ".join(instrument.slug for instrument in obj.instruments.all()),
        }  # fmt: skip

    def optional(self, model, value, column):
        return self.lookup(model, value, column, slug=value) if value else None

    def row(self, data, number):
        self.check_duplicate((data["slug"],), number)
        try:
            year = int(data["year"])
        except ValueError:
            raise RowError(_("year: “%(value)s” is not a whole number") % {"value": data["year"]}) from None
        instruments = [
            self.lookup(Instrument, slug, "instruments", slug=slug) for slug in split_list(data.get("instruments", ""))
        ]
        activity, state = self.upsert(
            Activity,
            {"slug": data["slug"]},
            {
                "year": year,
                "country": self.optional(Country, data.get("country", ""), "country"),
                "region": data.get("region", ""),
                "programme": self.optional(Programme, data.get("programme", ""), "programme"),
                "theme": self.optional(Theme, data.get("theme", ""), "theme"),
                "description": data["description"],
                "source_symbol": data["source"],
                "source_locator": data["locator"],
            },
        )
        if {i.pk for i in instruments} != set(activity.instruments.values_list("pk", flat=True)):
            self.check_write(activity)
            activity.instruments.set(instruments)
            state = CHANGED if state == UNCHANGED else state
        return data["slug"], state
