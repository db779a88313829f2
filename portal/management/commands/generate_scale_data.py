"""Make the content many times larger (or take the copies away again), to measure the portal at scale."""

from django.core.management.base import BaseCommand, CommandError

from portal import scale_data


class Command(BaseCommand):
    help = (
        "Add FACTOR - 1 published copies of every published entry and link (deterministic, bulk inserts, each "
        "copy marked), so the content is FACTOR times its size; --remove deletes exactly the copies. "
        "For benchmarks only: never on a production database."
    )

    def add_arguments(self, parser):
        parser.add_argument("--factor", type=int, default=10, help="The content becomes FACTOR times larger.")
        parser.add_argument("--remove", action="store_true", help="Delete every generated copy instead.")

    def handle(self, *args, factor, remove, **options):
        if remove:
            counts = scale_data.remove()
            verb = "Deleted"
        else:
            if not 2 <= factor <= 1000:
                raise CommandError("--factor must be between 2 and 1000.")
            counts = scale_data.generate(factor)
            verb = "Added"
        for label, count in counts.items():
            self.stdout.write(f"  {label:<36} {count:>8}")
        self.stdout.write(f"{verb} {sum(counts.values())} rows.")
