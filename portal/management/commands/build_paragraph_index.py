"""Build fixtures/sources/paragraphs.json, the index of the five source documents' paragraphs, from the seed texts."""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.paragraphs import INDEX_PATH, SOURCES, parse_source


class Command(BaseCommand):
    help = (
        "Parse the five source documents (the seed texts, files 000_*.txt to 004_*.txt) into the paragraph "
        "index: symbol, locator, heading, sub-paragraphs, footnotes and text of every paragraph or section."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "seeds",
            nargs="?",
            default=str(Path(settings.BASE_DIR).parent / "shared" / "seeds"),
            help="The folder holding the seed texts (default: ../shared/seeds beside the project).",
        )
        parser.add_argument("--output", default=str(Path(settings.FIXTURES_DIR) / INDEX_PATH))
        parser.add_argument("--dry-run", action="store_true", help="Parse and report the counts; write nothing.")

    def handle(self, *args, seeds, output, dry_run, **options):
        folder = Path(seeds)
        entries = []
        for prefix, source_format in SOURCES.items():
            files = sorted(folder.glob(f"{prefix}_*.txt"))
            if len(files) != 1:
                raise CommandError(f"Expected one file {prefix}_*.txt in {folder}, found {len(files)}.")
            found = parse_source(source_format, files[0].read_text(encoding="utf-8"))
            numbered = sum(entry["locator"].startswith(("para ", "section ")) for entry in found)
            self.stdout.write(
                f"{source_format.symbol}: {numbered} paragraphs or sections, {len(found)} entries ({files[0].name})"
            )
            entries += found
        if dry_run:
            return
        path = Path(output)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(entries, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        self.stdout.write(f"Wrote {len(entries)} entries to {path}")
