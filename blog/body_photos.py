"""Photos in a post's body. An editor uploads a photo to the library (Admin › Photos, the
same checks and renditions as lead images) and puts its code, “[photo 12]”, on a line of its
own in the body; the page shows the photo there, as a figure with its caption and credit.
Post.save() renders the body with them; a photo changed or deleted renders again the bodies
that show it (Photo.save() and delete()), so a page never keeps an old caption, and a code
whose photo is gone shows nothing."""

import re
from html import escape

# What Markdown makes of a line holding only a photo's code, after nh3.
PHOTO_LINE = re.compile(r"<p>\[photo (\d{1,9})\]</p>")
SIZES = "(min-width: 1100px) 700px, (min-width: 900px) 65vw, 100vw"


def photo_code(photo_id):
    """What an editor types in a body to show this photo."""
    return f"[photo {photo_id}]"


def shown_photo_ids(body):
    """The ids of the photos whose codes a Markdown body holds, wherever they are."""
    return {int(found) for found in re.findall(r"\[photo (\d{1,9})\]", body)}


def add_photos(body_html):
    """body_html with each paragraph that is only a photo's code replaced by the photo's
    figure; a code whose photo does not exist is dropped. One query, none without a code."""
    if "[photo " not in body_html:
        return body_html
    from .models import Photo

    ids = {int(found) for found in PHOTO_LINE.findall(body_html)}
    photos = Photo.objects.in_bulk(ids)
    return PHOTO_LINE.sub(lambda match: figure(photos.get(int(match[1]))), body_html)


def figure(photo):
    """A photo as <figure>: <picture> of its renditions (images.picture_html()), then the
    caption and credit. Every value is escaped."""
    from .images import picture_html  # it imports the models, which import this module

    if photo is None or not photo.width:
        return ""
    html = ['<figure class="body-figure">']
    html.append(picture_html(photo.image, photo.width, photo.height, photo.alt, SIZES))
    if photo.caption or photo.credit:
        credit = f' <span class="credit">{escape(photo.credit)}</span>' if photo.credit else ""
        html.append(f"<figcaption>{escape(photo.caption)}{credit}</figcaption>")
    html.append("</figure>")
    return "".join(html)
