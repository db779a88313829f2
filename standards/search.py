"""Search: instruments and their provisions (registered with `portal.search`)."""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from portal.search import Source, register, register_synonyms
from standards.models import Instrument, InstrumentKind, InstrumentTarget, Provision, ProvisionKind, ProvisionTarget


def describe_instrument(row):
    title = row["short_title"] or row["title"]
    context = row["title"] if row["short_title"] else InstrumentKind(row["kind"]).label
    return row["slug"], title, context, reverse_lazy("standards:instrument-detail", kwargs={"slug": row["slug"]})


def describe_provision(row):
    instrument = row["instrument__short_title"] or row["instrument__title"]
    label = f"{ProvisionKind(row['kind']).label.lower()} {row['number']}"
    url = reverse_lazy("standards:provision-detail", kwargs={"slug": row["instrument__slug"], "ref": row["ref"]})
    return f"{row['instrument__slug']}/{row['ref']}", f"{instrument}, {label}", row["section"], url


register(
    Source(
        type="instrument",
        order=10,
        label=_("Instruments"),
        name=_("Instrument"),
        model=Instrument,
        values=("slug", "title", "short_title", "kind"),
        weighted={
            "A": ("title", "short_title", "aliases", "resolution_symbol"),
            "B": ("summary",),
            "D": ("official_text_note",),
        },
        snippet=("title", "summary"),
        describe=describe_instrument,
        vocabulary=("title", "short_title", "summary"),
        type_weight=1.5,
        code_field="resolution_symbol",
        name_fields=("short_title", "title", "aliases"),
        theme_owner="instrument_id",
        goal_links=(InstrumentTarget, "instrument_id"),
    )
)
register(
    Source(
        type="provision",
        order=20,
        label=_("Provisions"),
        name=_("Provision"),
        model=Provision,
        values=(
            "ref",
            "kind",
            "number",
            "section",
            "instrument_id",
            "instrument__slug",
            "instrument__title",
            "instrument__short_title",
        ),
        weighted={
            "A": ("number",),
            "B": ("section", "category", "part_title"),
            "C": ("text",),
            "D": ("instrument__title", "instrument__short_title"),
        },
        snippet=("section", "text"),
        describe=describe_provision,
        vocabulary=("section", "text"),
        # A rule is the standard itself: above what cites it, though its text weighs C (no summary).
        type_weight=1.8,
        themes_of=("instrument", "instrument_id"),  # a provision carries its instrument's themes
        goal_links=(ProvisionTarget, "provision_id"),
    )
)

# Acronyms and common names of instruments, matched as the instruments' own titles.
register_synonyms(
    ("vac", "violence against children"),
    ("vaw", "violence against women"),
    ("untoc", "organized crime convention", "convention against transnational organized crime"),
    ("uncac", "convention against corruption"),
    ("smr", "standard minimum rules"),
)
