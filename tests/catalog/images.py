"""Upload payloads for media tests."""

import io
import os

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


def image_upload(name: str = "photo.png", fmt: str = "PNG", size=(40, 30), content_type="image/png"):
    buffer = io.BytesIO()
    Image.new("RGB", size, (120, 80, 160)).save(buffer, format=fmt)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=content_type)


def noise_png(side: int = 1400) -> SimpleUploadedFile:
    """A real PNG over 5 MB (random pixels do not compress)."""
    buffer = io.BytesIO()
    Image.frombytes("RGB", (side, side), os.urandom(side * side * 3)).save(buffer, format="PNG", compress_level=0)
    return SimpleUploadedFile("big.png", buffer.getvalue(), content_type="image/png")
