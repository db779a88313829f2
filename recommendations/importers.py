"""Bulk import and export of recommendations (with their SDG target links) and of recommendation links
(to targets, goals as a whole, instruments, programmes)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.imports import CHANGED, UNCHANGED, Importer, RowError, register, split_list
from portal.models import Goal, Target
from programmes.models import Programme
from recommendations.models import (
    Document,
    Recommendation,
    RecommendationGoal,
    RecommendationInstrument,
    RecommendationKind,
    RecommendationProgramme,
    RecommendationTarget,
)
from standards.models import Instrument


@register
class RecommendationImporter(Importer):
    kind = "recommendations"
    label = gettext_lazy("Recommendations (with their SDG target links)")
    help_text = gettext_lazy(
        "document, paragraph, kind, text, summary, addressee, position, targets (SDG codes separated by “;”), "
        "source, locator, rationale, basis — the last four are the evidence for the target links."
    )
    model = Recommendation
    order = 10
    columns = ("document", "paragraph", "kind", "text", "summary", "addressee", "position", "targets",
               "source", "locator", "rationale", "basis")  # fmt: skip
    required = ("document", "paragraph", "text")

    @classmethod
    def export_values(cls, obj):
        return {
            "document": obj.document.symbol, "paragraph": obj.paragraph, "kind": obj.kind, "text": obj.text,
            "summary": obj.summary, "addressee": obj.addressee, "position": obj.position,
            "targets": "; ".join(link.target.code for link in obj.target_links.all()),
        }  # fmt: skip

    def row(self, data, number):
        document = self.lookup(Document, data["document"], "document", symbol=data["document"])
        self.check_duplicate((document.pk, data["paragraph"]), number)
        targets = [self.lookup(Target, code, "targets", code=code) for code in split_list(data.get("targets", ""))]
        kind = data.get("kind") or RecommendationKind.RECOMMENDATION
        if kind not in RecommendationKind.values:
            raise RowError(_("kind: “%(value)s” is not one of %(choices)s") % {
                "value": kind, "choices": ", ".join(RecommendationKind.values)})  # fmt: skip
        try:
            position = int(data.get("position") or 0)
        except ValueError:
            raise RowError(_("position: “%(value)s” is not a whole number") % {"value": data["position"]}) from None
        recommendation, state = self.upsert(
            Recommendation,
            {"document": document, "paragraph": data["paragraph"]},
            {
                "slug": Recommendation.build_slug(document.symbol, data["paragraph"]),
                "kind": kind,
                "text": data["text"],
                "summary": data.get("summary", ""),
                "addressee": data.get("addressee", ""),
                "position": position,
            },
        )
        for target in targets:
            link_state = self.link(
                RecommendationTarget, {"recommendation": recommendation, "target": target}, data, str(target)
            )
            if link_state != UNCHANGED and state == UNCHANGED:
                state = CHANGED
        return str(recommendation), state


@register
class LinkImporter(Importer):
    kind = "links"
    label = gettext_lazy("Recommendation links (to targets, goals, instruments or programmes)")
    help_text = gettext_lazy(
        "recommendation (slug), one of target / goal (an SDG goal as a whole, e.g. 10) / instrument / programme, "
        "source, locator, rationale, basis."
    )
    model = RecommendationTarget
    order = 20
    columns = ("recommendation", "target", "goal", "instrument", "programme", "source", "locator", "rationale", "basis")
    required = ("recommendation",)
    ends = {
        "target": (RecommendationTarget, Target, "code"),
        "goal": (RecommendationGoal, Goal, "code"),
        "instrument": (RecommendationInstrument, Instrument, "slug"),
        "programme": (RecommendationProgramme, Programme, "slug"),
    }

    @classmethod
    def export_values(cls, obj):
        end = next(name for name in cls.ends if hasattr(obj, name + "_id"))
        other = getattr(obj, end)
        return {
            "recommendation": obj.recommendation.slug, end: getattr(other, cls.ends[end][2]),
            "source": obj.source_symbol, "locator": obj.source_locator, "rationale": obj.rationale,
            "basis": obj.basis,
        }  # fmt: skip

    def row(self, data, number):
        given = [name for name in self.ends if data.get(name)]
        if len(given) != 1:
            raise RowError(_("give exactly one of target, goal, instrument, programme"))
        name = given[0]
        link_model, other_model, key_field = self.ends[name]
        recommendation = self.lookup(
            Recommendation, data["recommendation"], "recommendation", slug=data["recommendation"]
        )
        other = self.lookup(other_model, data[name], name, **{key_field: data[name]})
        self.check_duplicate((recommendation.pk, name, other.pk), number)
        key = {"recommendation": recommendation, name: other}
        evidence = self.evidence(data, required=True, what=str(other))
        return f"{recommendation} → {other}", self.upsert(link_model, key, evidence)[1]
