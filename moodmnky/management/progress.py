"""A progress bar for long commands: drawn in place on a terminal's stderr, silent anywhere else (cron, CI, pipes,
call_command in tests), so logs and captured output stay clean."""

import time

from django.core.management.base import OutputWrapper

WIDTH = 30
MIN_INTERVAL = 0.1  # seconds between redraws: a fast loop does not flood the terminal


class Progress:
    """`with Progress(stream, "Importing") as bar: ... bar.update(done, total)`.

    `bar.update` is what services take as their `progress(done, total)` callback; `total` may only be known
    once the work has started, and a total of 0 draws nothing.
    """

    def __init__(self, stream, label: str, total: int = 0):
        self.label, self.done, self.total = label, 0, total
        self.enabled = _is_terminal(stream)
        self._drawn_at = 0.0
        self._drawn = False
        # A command's self.stderr adds a newline to each write, and paints it red on a terminal, unless told not to.
        self._write = (lambda text: stream.write(text, style_func=_plain, ending="")) \
            if isinstance(stream, OutputWrapper) else stream.write
        self._flush = stream.flush

    def __enter__(self) -> "Progress":
        return self

    def __exit__(self, *exc) -> None:
        if self._drawn:  # the bar stays as last drawn; what follows starts on a new line
            self._write("\n")
            self._flush()

    def update(self, done: int, total: int | None = None) -> None:
        if total is not None:
            self.total = total
        self.done = min(done, self.total)
        self._draw(force=self.done == self.total)

    def advance(self, steps: int = 1) -> None:
        self.update(self.done + steps)

    def _draw(self, *, force: bool) -> None:
        now = time.monotonic()
        if not self.enabled or self.total <= 0 or (not force and now - self._drawn_at < MIN_INTERVAL):
            return
        self._drawn_at, self._drawn = now, True
        filled = WIDTH * self.done // self.total
        self._write(f"\r{self.label} [{'#' * filled}{'.' * (WIDTH - filled)}] {self.done}/{self.total} "
                    f"({100 * self.done // self.total} %)")
        self._flush()


def _plain(text: str) -> str:
    return text


def _is_terminal(stream) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())
