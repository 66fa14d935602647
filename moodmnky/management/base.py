"""What every ops command shares: exit codes (0 done, 1 failed, 2 usage error), the same in a shell and through
call_command, an epilog saying so in `--help`, and a progress bar on stderr for long work."""

from django.core.management.base import BaseCommand, CommandError

from moodmnky.management.progress import Progress

OK, FAILED, USAGE = 0, 1, 2
EPILOG = "Exit status: 0 done, 1 failed (the reason is on stderr), 2 usage error (bad options or arguments)."


class UsageError(CommandError):
    """Bad options or arguments: exit status 2, as argparse gives for an unknown option."""

    def __init__(self, message: str):
        super().__init__(message, returncode=USAGE)


class OpsCommand(BaseCommand):
    """BaseCommand with the shared exit codes, epilog and progress bar. Raise `UsageError` for bad input and
    `CommandError` (status 1) when the work itself failed."""

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, epilog=EPILOG, **kwargs)
        parse_error = parser.error

        def error(message):  # argparse exits 2 in a shell; through call_command Django would raise status 1
            if parser.called_from_command_line:
                parse_error(message)
            raise UsageError(f"Error: {message}")

        parser.error = error
        return parser

    def progress(self, label: str, total: int = 0) -> Progress:
        """A progress bar on stderr (drawn only on a terminal); pass its `update` to a service."""
        return Progress(self.stderr, label, total)
