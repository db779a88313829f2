"""Load the curated content in fixtures/: every stage the apps register in their loaders.py, in order."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from portal.seeding import SeedError, seed


class Command(BaseCommand):
    help = (
        "Load all curated content from fixtures/ in dependency order, in one transaction. "
        "Inserts missing records and updates only records nobody changed since seed loaded them; "
        "a record a curator changed or deleted is left alone and reported. "
        "On a missing or corrupt file nothing is written."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Validate and report, then roll everything back.")
        parser.add_argument(
            "--only", nargs="+", metavar="STAGE", help="Load only these stages (e.g. sdg themes instruments)."
        )
        parser.add_argument(
            "--fixtures-dir", default=str(settings.FIXTURES_DIR), help="Folder to load from (default: fixtures/)."
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Reset to the fixtures: overwrite curators' changes (status included) and re-create deleted records.",
        )

    def handle(self, *args, **options):
        try:
            report = seed(
                options["fixtures_dir"], only=options["only"], dry_run=options["dry_run"], force=options["force"]
            )
        except SeedError as exc:
            raise CommandError(f"Seed failed, nothing was written. {exc}") from exc
        if not options["dry_run"] and report.changed and connection.vendor == "postgresql":
            # A bulk load (and the search triggers' refreshes of SDG targets) leaves the planner's
            # statistics stale until autovacuum runs; a page query can then time out.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        verbosity, dry_run, curation = options["verbosity"], options["dry_run"], report.curation
        if verbosity >= 2:
            for line in report.lines():
                self.stdout.write(f"  {line}")
        if verbosity >= 1:
            self.section("Conflicts: changed by curators since seed loaded them, left as they are", curation.conflicts)
            self.section("Deleted by curators, not re-created", curation.deleted)
            self.section("Refer to a record deleted by curators, skipped", curation.skipped)
            self.section("Overwritten by --force (reset to the fixtures)", curation.overwritten)
        if verbosity >= 2:
            self.section("The fixture gives another status; the database keeps its own", curation.status_kept)
        if verbosity >= 1:
            verb = "would change" if dry_run else "changed"
            summary = f"Seed complete: {verb} {report.changed} records."
            if curation.conflicts:
                summary += f" {len(curation.conflicts)} conflicts (use --force to reset them to the fixtures)."
            style = self.style.WARNING if curation.conflicts or curation.deleted else self.style.SUCCESS
            self.stdout.write(style(summary))

    def section(self, title: str, items: list) -> None:
        if items:
            self.stdout.write(self.style.WARNING(f"{title} ({len(items)}):"))
            for item in items:
                self.stdout.write(f"  {item}")
