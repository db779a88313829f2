"""Coverage gaps of instruments and provisions (registered with `portal.coverage`)."""

from django.utils.translation import gettext_lazy as _

from portal.coverage import Gap, register_gap, without_links
from standards.models import Instrument, InstrumentTarget, Provision

register_gap(
    Gap(
        name="instruments_without_targets",
        label=_("Instruments without SDG target links"),
        entries=lambda: without_links(Instrument, InstrumentTarget),
        order=10,
        describe=lambda instrument: instrument.slug,
        dashboard=True,
    )
)
register_gap(
    Gap(
        name="instruments_without_text",
        label=_("Instruments whose official text the portal does not hold"),
        entries=lambda: without_links(Instrument, Provision),
        order=11,
        dashboard=True,
    )
)
register_gap(
    Gap(
        name="provisions_without_text",
        label=_("Provisions without text"),
        entries=lambda: Provision.objects.filter(text=""),
        order=12,
        group_by="instrument__slug",
    )
)
