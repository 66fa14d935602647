from django.core.management.base import CommandError

from catalog.importing import ImportAborted, catalog_import
from moodmnky.actors import Actor
from moodmnky.management.base import OpsCommand, UsageError


class Command(OpsCommand):
    help = ("Import products and variants from a CSV (one row per variant) or JSON file (docs/catalog.md). Every "
            "row is validated and errors are reported per row on stderr. All or nothing unless --partial; existing "
            "slugs and SKUs are updated, so re-running the same file is safe.")

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path to a .csv or .json file.")
        parser.add_argument("--partial", action="store_true",
                            help="Import the good rows and skip the bad ones (exit status 0; errors still listed).")
        parser.add_argument("--dry-run", action="store_true", help="Validate and report; write nothing.")

    def handle(self, *args, file, partial, dry_run, **options):
        try:
            with self.progress("Importing products") as bar:
                report = catalog_import(actor=Actor.system_job("import_catalog"), path=file, partial=partial,
                                        dry_run=dry_run, progress=bar.update)
        except FileNotFoundError:
            raise UsageError(f"No such file: {file}") from None
        except ImportAborted as aborted:
            for line in aborted.report.errors:
                self.stderr.write(line)
            raise CommandError(f"{len(aborted.report.errors)} errors; nothing was imported "
                               "(fix the rows, or use --partial to import the good ones).") from None
        for line in report.errors:
            self.stderr.write(line)
        prefix = "Dry run, nothing written: would have " if dry_run else "Imported: "
        self.stdout.write(prefix + report.summary())
