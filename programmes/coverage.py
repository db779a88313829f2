"""Coverage gaps of programmes (registered with `portal.coverage`)."""

from django.utils.translation import gettext_lazy as _

from portal.coverage import Gap, register_gap, without_links
from programmes.models import Programme, ProgrammeTarget

register_gap(
    Gap(
        name="programmes_without_targets",
        label=_("Programmes without SDG target links"),
        entries=lambda: without_links(Programme, ProgrammeTarget),
        order=20,
        dashboard=True,
        report=False,
    )
)
