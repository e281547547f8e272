"""Renditions of lead images: resized copies in WebP and JPEG, made when a post is saved."""

from io import BytesIO
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageOps

RENDITION_WIDTHS = (400, 800, 1200, 1600)
FORMATS = {"webp": ("WEBP", "image/webp"), "jpg": ("JPEG", "image/jpeg")}


def rendition_name(name, width, extension):
    path = PurePosixPath(name)
    return str(PurePosixPath("renditions") / path.parent / f"{path.stem}-{width}.{extension}")


def rendition_widths(original_width):
    """The widths worth making for an image: never wider than the original."""
    widths = [width for width in RENDITION_WIDTHS if width < original_width]
    return [*widths, min(original_width, RENDITION_WIDTHS[-1])]


def renditions(image_field_file, width, height):
    """[(extension, mime type, [(url, width, height), …]), …] without touching storage."""
    sources = []
    for extension, (_, mime_type) in FORMATS.items():
        candidates = [
            (
                default_storage.url(rendition_name(image_field_file.name, w, extension)),
                w,
                round(height * w / width),
            )
            for w in rendition_widths(width)
        ]
        sources.append((extension, mime_type, candidates))
    return sources


def large_rendition(image_field_file, width, height):
    """(url, width, height) of the JPEG rendition that search engines and social sites get:
    the widest up to 1200 px, which is what they ask for."""
    candidates = {ext: found for ext, _, found in renditions(image_field_file, width, height)}
    fitting = [candidate for candidate in candidates["jpg"] if candidate[1] <= 1200]
    return fitting[-1] if fitting else candidates["jpg"][0]


def make_renditions(image_field_file):
    """Write every rendition of an image to storage, replacing any that exist."""
    with image_field_file.open("rb") as stored, Image.open(stored) as original:
        image = ImageOps.exif_transpose(original).convert("RGB")
    for width in rendition_widths(image.width):
        height = round(image.height * width / image.width)
        resized = image.resize((width, height), Image.Resampling.LANCZOS)
        for extension, (pil_format, _) in FORMATS.items():
            buffer = BytesIO()
            resized.save(buffer, pil_format, quality=82, optimize=True)
            name = rendition_name(image_field_file.name, width, extension)
            if default_storage.exists(name):
                default_storage.delete(name)
            default_storage.save(name, ContentFile(buffer.getvalue()))
