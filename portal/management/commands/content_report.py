"""Print how complete the curated content is: counts, gaps and links without evidence."""

from django.core.management.base import BaseCommand

from portal.selectors import content_coverage


class Command(BaseCommand):
    help = (
        "Report content coverage: counts per type, links per kind (stated or curator's judgement), "
        "links without evidence, instruments without SDG links or official text, provisions without text, "
        "and SDG goals and targets with nothing linked."
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

        write(f"\nInstruments without SDG target links: {len(coverage.instruments_without_targets)}")
        for instrument in coverage.instruments_without_targets:
            write(f"  {instrument.slug}")

        write(f"\nInstruments whose official text the portal does not hold: {len(coverage.instruments_without_text)}")
        write(f"Provisions without text: {sum(coverage.provisions_without_text.values())}")
        for slug, count in coverage.provisions_without_text.items():
            write(f"  {slug}: {count}")

        total_targets = coverage.linked_targets + len(coverage.targets_without_links)
        write(f"\nSDG targets with something linked: {coverage.linked_targets} of {total_targets}")
        write(f"SDG goals with nothing linked: {len(coverage.goals_without_links)}")
        for goal in coverage.goals_without_links:
            write(f"  Goal {goal.code}: {goal.short_title}")
        if options["list_targets"]:
            write("SDG targets with nothing linked:")
            for target in coverage.targets_without_links:
                write(f"  {target.code}")
