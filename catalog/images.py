"""Upload checks for product images: really an image, of an allowed type, size and dimensions."""

from dataclasses import dataclass

from PIL import Image, UnidentifiedImageError

from moodmnky.errors import ValidationFailedError

MAX_IMAGE_BYTES = 5 * 1024 * 1024
MAX_IMAGE_SIDE = 6000
ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}


@dataclass(frozen=True)
class ImageInfo:
    format: str
    extension: str
    width: int
    height: int


def image_validate(upload) -> ImageInfo:
    """Verify with Pillow; refuse anything that is not a JPEG/PNG/WebP/GIF ≤ 5 MB and ≤ 6000×6000.

    Raises ValidationFailedError naming `image`. The extension and content type the client sent are
    ignored: only the decoded content counts.
    """
    if upload is None:
        raise ValidationFailedError("An image file is required.", field="image")
    if upload.size > MAX_IMAGE_BYTES:
        raise ValidationFailedError(
            f"The image is {upload.size / 1024 / 1024:.1f} MB; the limit is 5 MB.", field="image")
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            fmt, (width, height) = image.format, image.size
            if fmt not in ALLOWED_FORMATS:
                raise ValidationFailedError(
                    f"Unsupported image type {fmt}; use JPEG, PNG, WebP or GIF.", field="image")
            # Checked before anything is decoded, so a huge "pixel bomb" is refused cheaply.
            if width > MAX_IMAGE_SIDE or height > MAX_IMAGE_SIDE:
                raise ValidationFailedError(
                    f"The image is {width}×{height} pixels; at most {MAX_IMAGE_SIDE}×{MAX_IMAGE_SIDE}.",
                    field="image")
            image.verify()
    except ValidationFailedError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError, ValueError):
        raise ValidationFailedError("The file is not a valid image.", field="image") from None
    finally:
        upload.seek(0)
    return ImageInfo(format=fmt, extension=ALLOWED_FORMATS[fmt], width=width, height=height)
