"""Lead images and author photos: uploads checked by content and stripped of metadata, kept
between two tries of a form, renditions (resized copies in WebP and JPEG, full frame and
cropped around the focal point) made when a post is saved, and their deletion once no row
refers to them."""

import logging
import posixpath
import re
import secrets
import warnings
from datetime import timedelta
from html import escape
from io import BytesIO
from pathlib import PurePosixPath
from typing import NamedTuple

from django.apps import apps
from django.conf import settings
from django.core import signing
from django.core.exceptions import SuspiciousOperation, ValidationError
from django.core.files.base import ContentFile, File
from django.core.files.storage import FileSystemStorage, default_storage, storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models, transaction
from django.utils import timezone
from django.utils.encoding import filepath_to_uri
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from .storage import STORAGE_ERRORS

logger = logging.getLogger(__name__)

RENDITION_WIDTHS = (400, 800, 1200, 1600)
FORMATS = {"webp": ("WEBP", "image/webp"), "jpg": ("JPEG", "image/jpeg")}
# Cropped renditions: name -> (aspect ratio, widths). The crop keeps the focal point in frame.
CROPS = {"card": (16 / 9, (400, 800, 1200))}

# Formats accepted for upload: Pillow's name -> (file extension, MIME type).
UPLOAD_FORMATS = {
    "JPEG": ("jpg", "image/jpeg"),
    "PNG": ("png", "image/png"),
    "WEBP": ("webp", "image/webp"),
    "GIF": ("gif", "image/gif"),
}

# Checked uploads of a form sent back with errors wait for the next try (keep_upload) in the
# "kept_uploads" storage, which is not public: PostAdmin.kept_upload_view shows them to staff.
KEPT_UPLOAD_LIFETIME = timedelta(days=1)
_KEPT_UPLOAD_SALT = "blog.images.keep_upload"


def _megabytes(size):
    return f"{size / (1024 * 1024):.1f} MB"


def clean_upload(upload):
    """Check an uploaded file by its content and return a new file holding only the picture.

    Refused, with a reason the person uploading can act on: files over
    NEWSROOM_MAX_UPLOAD_BYTES, anything but JPEG, PNG, WebP or GIF whatever its name says,
    images over NEWSROOM_MAX_IMAGE_PIXELS (decompression bombs) and truncated or damaged
    files. The picture is decoded in full, turned upright by its EXIF orientation, converted
    to sRGB and encoded again, so no metadata (GPS location, camera, XMP, ICC, comments)
    reaches storage. Animated images keep their first frame.
    """
    max_bytes = settings.NEWSROOM_MAX_UPLOAD_BYTES
    if upload.size > max_bytes:
        raise ValidationError(
            f"This file is {_megabytes(upload.size)}; the limit is {_megabytes(max_bytes)}. "
            "Export a smaller copy and upload it again.",
            code="file_too_large",
        )
    max_pixels = settings.NEWSROOM_MAX_IMAGE_PIXELS
    too_many_pixels = ValidationError(
        f"This image has too many pixels; the limit is {max_pixels / 1e6:g} megapixels. "
        "Resize it and upload it again.",
        code="too_many_pixels",
    )
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            # Pillow only warns between its own limit and twice that; refuse those too.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                if image.format not in UPLOAD_FORMATS:
                    raise ValidationError(
                        f"This is a {image.format} image; upload a JPEG, PNG, WebP or GIF.",
                        code="unsupported_format",
                    )
                if image.width * image.height > max_pixels:
                    raise ValidationError(
                        f"This image is {image.width} × {image.height} pixels "
                        f"({image.width * image.height / 1e6:.0f} megapixels); the limit is "
                        f"{max_pixels / 1e6:g} megapixels. Resize it and upload it again.",
                        code="too_many_pixels",
                    )
                image_format = image.format
                image.load()
                picture = _without_metadata(image)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise too_many_pixels from None
    except UnidentifiedImageError:
        raise ValidationError(
            "This file is not a picture Newsroom can use, whatever its name says. "
            "Upload a JPEG, PNG, WebP or GIF image.",
            code="not_an_image",
        ) from None
    except (OSError, SyntaxError, ValueError, EOFError):
        raise ValidationError(
            "This image file is damaged or incomplete (truncated), so it cannot be shown. "
            "Export it again and upload the new file.",
            code="damaged_image",
        ) from None
    extension, content_type = UPLOAD_FORMATS[image_format]
    buffer = BytesIO()
    options = {"quality": 90} if image_format in {"JPEG", "WEBP"} else {}
    picture.save(buffer, image_format, **options)
    name = f"{PurePosixPath(upload.name).stem or 'image'}.{extension}"
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=content_type)


class KeptUpload:
    """A checked upload waiting in storage for the next try of its form (keep_upload())."""

    def __init__(self, name, token):
        self.name = name
        self.token = token

    def __str__(self):
        return self.filename

    @property
    def filename(self):
        """The name it was uploaded with (the stored name starts with a random part)."""
        return posixpath.basename(self.name).split("-", 1)[1]

    @property
    def content_type(self):
        extension = PurePosixPath(self.name).suffix.lstrip(".")
        return dict(UPLOAD_FORMATS.values())[extension]

    def open(self):
        return File(storages["kept_uploads"].open(self.name), name=self.filename)

    def delete(self):
        storages["kept_uploads"].delete(self.name)


def keep_upload(upload):
    """Store an upload that clean_upload() passed and return a KeptUpload, whose signed token
    a form carries to its next try: browsers never send a file twice. Kept files older than
    KEPT_UPLOAD_LIFETIME are deleted on the way."""
    _delete_expired_uploads()
    name = storages["kept_uploads"].save(f"{secrets.token_hex(16)}-{upload.name}", upload)
    return KeptUpload(name, signing.dumps(name, salt=_KEPT_UPLOAD_SALT))


def kept_upload(token):
    """The KeptUpload a token from keep_upload() stands for, or None when the token is forged
    or expired or the file is gone."""
    if not token:
        return None
    try:
        name = signing.loads(token, salt=_KEPT_UPLOAD_SALT, max_age=KEPT_UPLOAD_LIFETIME)
    except signing.BadSignature:
        return None
    return KeptUpload(name, token) if storages["kept_uploads"].exists(name) else None


def _delete_expired_uploads():
    storage = storages["kept_uploads"]
    if not storage.exists(""):
        return
    expired = timezone.now() - KEPT_UPLOAD_LIFETIME
    for name in storage.listdir("")[1]:
        if storage.get_modified_time(name) < expired:
            storage.delete(name)


def _without_metadata(image):
    """The decoded picture, upright, in sRGB, with no metadata left to save."""
    transparency = image.info.get("transparency")
    icc_profile = image.info.get("icc_profile")
    picture = ImageOps.exif_transpose(image)
    if image.format == "JPEG" and picture.mode not in {"L", "RGB"}:
        picture = picture.convert("RGB") if not icc_profile else picture
    if icc_profile and picture.mode in {"RGB", "RGBA", "CMYK"}:
        try:
            picture = ImageCms.profileToProfile(
                picture,
                ImageCms.ImageCmsProfile(BytesIO(icc_profile)),
                ImageCms.createProfile("sRGB"),
                outputMode="RGBA" if picture.mode == "RGBA" else "RGB",
            )
        except (ImageCms.PyCMSError, OSError):
            picture = picture.convert("RGBA" if picture.mode == "RGBA" else "RGB")
    if picture is image:
        picture = image.copy()
    picture.info = {} if transparency is None else {"transparency": transparency}
    return picture


def crop_box(width, height, ratio, focus_x=50, focus_y=50):
    """The largest box with the given aspect ratio (width / height) inside a picture,
    centred on the focal point (percentages) as far as the edges allow, so the point is
    always in the frame."""
    if width / height > ratio:
        crop_width, crop_height = max(1, round(height * ratio)), height
    else:
        crop_width, crop_height = width, max(1, round(width / ratio))
    left = min(max(round(width * focus_x / 100 - crop_width / 2), 0), width - crop_width)
    top = min(max(round(height * focus_y / 100 - crop_height / 2), 0), height - crop_height)
    return left, top, left + crop_width, top + crop_height


def rendition_name(name, width, extension, crop=None, focus=None):
    """Where a rendition of the image stored at name is kept. A crop's name carries its focal
    point (focus: percentages across and down), so a new focal point gives new addresses:
    browsers and CDNs keep renditions as immutable and would go on showing the old crop."""
    return f"{_rendition_stem(name, crop, focus)}-{width}.{extension}"


def _rendition_stem(name, crop=None, focus=None):
    """rendition_name() without its "-<width>.<extension>"."""
    # String functions rather than PurePosixPath: list pages ask for dozens of these.
    directory, filename = posixpath.split(name)
    stem = posixpath.splitext(filename)[0]
    if crop:
        focus_x, focus_y = focus
        stem = f"{stem}-{crop}-f{focus_x}x{focus_y}"
    return "/".join(part for part in ("renditions", directory, stem) if part)


def rendition_widths(original_width, widths=RENDITION_WIDTHS):
    """The widths worth making for an image: never wider than the original."""
    smaller = [width for width in widths if width < original_width]
    largest = min(original_width, widths[-1])
    return smaller if largest in smaller else [*smaller, largest]


def renditions(image_field_file, width, height, crop=None, focus=None):
    """[(extension, mime type, [(url, width, height), …]), …] without touching storage; a
    crop needs the focal point it was cut around."""
    widths = RENDITION_WIDTHS
    if crop:
        ratio, widths = CROPS[crop]
        left, top, right, bottom = crop_box(width, height, ratio, *focus)
        width, height = right - left, bottom - top
    url = _rendition_url_maker(image_field_file.name, crop, focus)
    widths = rendition_widths(width, widths)
    return [
        (extension, mime_type, [(url(w, extension), w, round(height * w / width)) for w in widths])
        for extension, (_, mime_type) in FORMATS.items()
    ]


def picture_html(
    image, width, height, alt, sizes, loading="lazy", css_class="", crop=None, focus=None
):
    """A stored image as <picture> with its WebP and JPEG renditions (renditions()), width
    and height set so the page does not shift while it loads. Written by hand, each value
    escaped with html.escape() as a template would, rather than by a template or
    format_html(): list pages have one a card, and those cost several times as much."""
    sources = renditions(image, width, height, crop, focus)
    src, width, height = sources[-1][2][-1]
    sizes = escape(sizes)
    html = ["<picture>"]
    for _, mime, candidates in sources:
        srcset = escape(", ".join(f"{url} {w}w" for url, w, _ in candidates))
        html.append(f'\n  <source type="{mime}" srcset="{srcset}" sizes="{sizes}">')
    html.append(
        f'\n  <img src="{escape(src)}" width="{width}" height="{height}" alt="{escape(alt)}" '
        f'loading="{escape(loading)}"'
    )
    if css_class:
        html.append(f' class="{escape(css_class)}"')
    html.append(">\n</picture>\n")
    return "".join(html)


def _rendition_url_maker(name, crop=None, focus=None):
    """A function (width, extension) -> address of that rendition of the image stored at
    name. For files on disk it joins the storage's base URL by hand and quotes the image's
    part once (width and extension need no quoting): the same addresses at a fraction of the
    cost of the storage's url(), as list pages build dozens of them."""
    storage = storages["default"]
    if type(storage) is not FileSystemStorage:
        return lambda width, extension: storage.url(
            rendition_name(name, width, extension, crop, focus)
        )
    prefix = storage.base_url + filepath_to_uri(_rendition_stem(name, crop, focus)).lstrip("/")
    return lambda width, extension: f"{prefix}-{width}.{extension}"


def large_width(width):
    """The width of the JPEG that search engines, social sites and feeds get: the widest
    rendition up to 1200 px, which is what they ask for."""
    widths = rendition_widths(width)
    fitting = [w for w in widths if w <= 1200]
    return fitting[-1] if fitting else widths[0]


def large_rendition(image_field_file, width, height):
    """(url, width, height) of the JPEG rendition of large_width()."""
    large = large_width(width)
    url = _rendition_url_maker(image_field_file.name)(large, "jpg")
    return url, large, round(height * large / width)


class Renditions(NamedTuple):
    """What make_renditions() learnt from the picture while it had it open."""

    width: int
    height: int
    large_jpeg_bytes: int  # the large_rendition() JPEG, which feeds enclose


def make_renditions(image_field_file, focus=(50, 50)):
    """Write every rendition of an image to storage, replacing any that exist: the full
    frame, and each crop in CROPS around the focal point (percentages across and down)."""
    with image_field_file.open("rb") as stored, Image.open(stored) as original:
        image = ImageOps.exif_transpose(original).convert("RGB")
    sizes = _save_renditions(image_field_file.name, image, RENDITION_WIDTHS)
    for crop, (ratio, widths) in CROPS.items():
        cropped = image.crop(crop_box(image.width, image.height, ratio, *focus))
        _save_renditions(image_field_file.name, cropped, widths, crop, focus)
    large = rendition_name(image_field_file.name, large_width(image.width), "jpg")
    return Renditions(image.width, image.height, sizes[large])


def make_lead_image_renditions(post):
    """Make the renditions of the post's lead image and note on the post (not saved) what
    pages and feeds read from the row rather than from storage: the picture's size and the
    size of the JPEG feeds enclose."""
    renditions = make_renditions(post.lead_image, focus=post.lead_image_focus)
    post.lead_image_width, post.lead_image_height, post.lead_image_rendition_bytes = renditions


def _save_renditions(name, image, widths, crop=None, focus=None):
    sizes = {}
    for width in rendition_widths(image.width, widths):
        height = max(1, round(image.height * width / image.width))
        resized = image.resize((width, height), Image.Resampling.LANCZOS)
        for extension, (pil_format, _) in FORMATS.items():
            buffer = BytesIO()
            resized.save(buffer, pil_format, quality=82, optimize=True)
            path = rendition_name(name, width, extension, crop, focus)
            if default_storage.exists(path):
                default_storage.delete(path)
            content = buffer.getvalue()
            default_storage.save(path, ContentFile(content))
            sizes[path] = len(content)
    return sizes


def stored_renditions(name):
    """The names of every rendition in storage of the image stored at name: each width and
    format of the full frame and of the crops around every focal point it ever had."""
    directory = posixpath.dirname(rendition_name(name, 0, "jpg"))
    stem = posixpath.splitext(posixpath.basename(name))[0]
    pattern = re.compile(
        rf"{re.escape(stem)}(?:-(?:{'|'.join(CROPS)})-f\d+x\d+)?-\d+\."
        rf"(?:{'|'.join(FORMATS)})"
    )
    try:
        files = default_storage.listdir(directory)[1]
    except FileNotFoundError:
        return []
    return [f"{directory}/{file}" for file in files if pattern.fullmatch(file)]


def delete_images_on_commit(names):
    """Once the transaction commits, delete the stored images at names (originals: lead
    images, author photos) with their renditions (delete_images)."""
    names = {name for name in names if name}
    if names:
        transaction.on_commit(lambda: delete_images(names), robust=True)


def unused_images(age):
    """Names of the stored images that no row refers to and that have not changed for age (a
    timedelta): the young may be uploads whose row is not saved yet (forms store uploads
    first). It looks in the folder of every image field of the installed models (lead
    images, library photos, author photos, live updates' photos) and for the names in all
    of them."""
    stored = set()
    for folder in sorted({image_folder(field) for field in image_fields()} - {None}):
        stored |= _stored_files(folder)
    before = timezone.now() - age
    return sorted(
        name
        for name in stored - images_in_use()
        if default_storage.get_modified_time(name) < before
    )


def image_fields():
    """Every image field of the installed models whose files are in default storage."""
    return [field for field in file_fields() if isinstance(field, models.ImageField)]


def file_fields():
    """Every file field (images included) of the installed models with files in default
    storage."""
    return [
        field
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if isinstance(field, models.FileField) and field.storage is default_storage
    ]


def image_folder(field):
    """The top folder a field stores its images in, as its upload_to names a made-up upload;
    None if that needs a row or fails, or the images go at the top (such a field is not
    swept)."""
    try:
        name = field.generate_filename(None, "made-up.jpg")
    except (AttributeError, TypeError, ValueError, SuspiciousOperation):
        return None
    folder, _, rest = name.partition("/")
    return folder if rest else None


def images_in_use(names=None):
    """The names (of those given, or of all) that a row of any model refers to in any file
    field: a file of another kind in a swept folder counts as in use, never as unused."""
    in_use = set()
    names = None if names is None else sorted(set(names))
    batches = [None] if names is None else [names[i : i + 500] for i in range(0, len(names), 500)]
    for field in file_fields():
        rows = field.model._base_manager.exclude(**{field.attname: ""})
        for batch in batches:
            some = rows if batch is None else rows.filter(**{f"{field.attname}__in": batch})
            in_use.update(some.values_list(field.attname, flat=True))
    return in_use


def _stored_files(directory):
    try:
        folders, files = default_storage.listdir(directory)
    except FileNotFoundError:
        return set()
    names = {f"{directory}/{name}" for name in files}
    for folder in folders:
        names |= _stored_files(f"{directory}/{folder}")
    return names


def delete_images(names):
    """Delete the stored images at names with every rendition of them, except those a row
    still refers to (images_in_use()), and return the names deleted. A storage outage never fails
    the change that let go of them: what could not be deleted is logged, by name, as a
    warning."""
    deleted = []
    for name in sorted(set(names) - images_in_use(names)):
        try:
            for stored in [*stored_renditions(name), name]:
                default_storage.delete(stored)
        except STORAGE_ERRORS:
            logger.warning(
                "Storage did not delete %s and its renditions (renditions/%s-*), which "
                "nothing uses any more: manage.py delete_unused_images deletes them later",
                name,
                posixpath.splitext(name)[0],
                exc_info=True,
            )
        else:
            deleted.append(name)
    return deleted
