"""The success envelope: every body is {"data": ...}; lists add meta.pagination and links."""

from rest_framework.renderers import JSONRenderer


class EnvelopeJSONRenderer(JSONRenderer):
    """Wraps response data in `{"data": ...}` unless the paginator or error handler already did."""

    def render(self, data, accepted_media_type=None, renderer_context=None):
        response = (renderer_context or {}).get("response")
        if response is None or response.status_code == 204:
            return b"" if response is not None else super().render(data, accepted_media_type, renderer_context)
        if not is_enveloped(data):
            data = {"data": data}
        return super().render(data, accepted_media_type, renderer_context)


def is_enveloped(data) -> bool:
    return isinstance(data, dict) and (
        ("error" in data and len(data) == 1) or ("data" in data and "meta" in data and "links" in data)
    )
