"""Load the curated content in fixtures/ (SDG framework, themes, instruments, programmes, recommendations)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.seeding import SeedError, seed


class Command(BaseCommand):
    help = (
        "Load all curated content from fixtures/ in dependency order, in one transaction. "
        "Idempotent: records are matched by natural key and only changed ones are written. "
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

    def handle(self, *args, **options):
        try:
            report = seed(options["fixtures_dir"], only=options["only"], dry_run=options["dry_run"])
        except SeedError as exc:
            raise CommandError(f"Seed failed, nothing was written. {exc}") from exc
        if options["verbosity"] >= 2:
            for line in report.lines():
                self.stdout.write(f"  {line}")
        if options["verbosity"] >= 1:
            verb = "would change" if options["dry_run"] else "changed"
            self.stdout.write(self.style.SUCCESS(f"Seed complete: {verb} {report.changed} records."))
