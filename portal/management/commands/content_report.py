"""Print how complete the curated content is: counts, gaps and links without evidence."""

from django.core.management.base import BaseCommand

from portal.basis import stated_goal_links_without_their_goal, stated_links_without_their_target
from portal.citations import paragraph_coverage
from portal.coverage import content_coverage, gaps
from portal.rationales import rationale_findings


class Command(BaseCommand):
    help = (
        "Report content coverage: counts per type, links per kind (stated or curator's judgement), "
        "links without evidence, the gaps each app registers (such as instruments without SDG links or "
        "official text, provisions without text), SDG goals and targets with nothing linked, and per source "
        "document the paragraphs no record cites."
    )

    def add_arguments(self, parser):
        parser.add_argument("--list-targets", action="store_true", help="List every target with nothing linked.")

    def handle(self, *args, **options):
        coverage = content_coverage()
        write = self.stdout.write

        write("Content")
        for label, count in coverage.counts.items():
            write(f"  {label:<28} {count:>5}")

        write("\nLinks (total / stated in the source / curator's judgement)")
        for label, numbers in coverage.link_counts.items():
            write(f"  {label:<34} {numbers['total']:>5} / {numbers['stated']:>4} / {numbers['judgement']:>4}")

        missing = sum(coverage.links_without_evidence.values())
        write(f"\nLinks without evidence: {missing}")
        for label, count in coverage.links_without_evidence.items():
            if count:
                write(f"  {label}: {count}")

        for gap in gaps():
            if gap.report:
                self.write_gap(gap, coverage.gaps[gap.name])

        total_targets = coverage.linked_targets + len(coverage.targets_without_links)
        write(f"\nSDG targets with something linked: {coverage.linked_targets} of {total_targets}")
        write(f"SDG goals with nothing linked: {len(coverage.goals_without_links)}")
        for goal in coverage.goals_without_links:
            write(f"  Goal {goal.code}: {goal.short_title}")
        linked_as_whole = ", ".join(goal.code for goal in coverage.goals_linked_as_whole) or "none"
        write(f"SDG goals linked as a whole: {len(coverage.goals_linked_as_whole)} ({linked_as_whole})")
        if options["list_targets"]:
            write("SDG targets with nothing linked:")
            for target in coverage.targets_without_links:
                write(f"  {target.code}")
        self.write_paragraphs()

    def write_paragraphs(self):
        """Per source document, the paragraphs no record cites (fixtures/sources/paragraphs.json)."""
        write, paragraphs = self.stdout.write, paragraph_coverage()
        write(
            f"\nSource paragraphs cited: {paragraphs.cited} of {paragraphs.total} "
            f"({paragraphs.marked} more marked out of scope)"
        )
        for document in paragraphs.documents:
            uncited = document.uncited
            write(f"  {document.symbol}: {len(document.cited)} of {len(document.paragraphs)} cited, {len(uncited)} not")
            if uncited:
                write(f"    not cited: {', '.join(uncited)}")
        write(f"Citations naming no paragraph of their document: {len(paragraphs.unresolved)}")
        for citation, problem in paragraphs.unresolved:
            write(f"  {citation.record}: {citation.symbol} {citation.locator} ({problem})")
        for symbol, count in paragraphs.outside.items():
            write(f"Citations of {symbol}, outside the five sources: {count}")
        findings = list(stated_links_without_their_target())
        write(f"\nStated links whose cited paragraph does not name the target: {len(findings)}")
        for finding in findings:
            write(f"  {finding}")
        findings = list(rationale_findings())
        write(f"Link rationales that do not say why the two are linked: {len(findings)}")
        for finding in findings:
            write(f"  {finding}")
        findings = list(stated_goal_links_without_their_goal())
        write(f"Stated goal links whose cited paragraph (or its heading) does not name the goal: {len(findings)}")
        for finding in findings:
            write(f"  {finding}")

    def write_gap(self, gap, found):
        if gap.group_by:
            self.stdout.write(f"\n{gap.label}: {sum(found.values())}")
            for group, count in found.items():
                self.stdout.write(f"  {group}: {count}")
            return
        self.stdout.write(f"\n{gap.label}: {len(found)}")
        if gap.describe:
            for entry in found:
                self.stdout.write(f"  {gap.describe(entry)}")
