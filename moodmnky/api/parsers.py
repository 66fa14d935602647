"""The API's JSON parser: DRF's, refusing bodies nested deeper than MAX_JSON_DEPTH with a 400."""

from rest_framework import parsers
from rest_framework.exceptions import ParseError

# No request of this API nests anywhere near this deep; the limit keeps recursion out of every later step.
MAX_JSON_DEPTH = 32
TOO_DEEP = f"Malformed request body: JSON nested more than {MAX_JSON_DEPTH} levels deep."


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError:  # the decoder itself gave up
            raise ParseError(TOO_DEEP) from None
        if _depth_exceeds(data, MAX_JSON_DEPTH):
            raise ParseError(TOO_DEEP)
        return data


def _depth_exceeds(data, limit: int) -> bool:
    """Whether lists/objects nest deeper than `limit` (iterative: no recursion of its own)."""
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            children = value.values()
        elif isinstance(value, list):
            children = value
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return False
