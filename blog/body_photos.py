"""Photos in a post's body. An editor uploads a photo to the library (Admin › Photos, the
same checks and renditions as lead images) and puts its code, “[photo 12]”, on a line of its
own in the body; the page shows the photo there, as a figure with its caption and credit.
Post.save() renders the body with them; a photo changed or deleted renders again the bodies
that show it (Photo.save() and delete()), so a page never keeps an old caption, and a code
whose photo is gone shows nothing."""

import re
from html import escape

# A photo's code as photo_code() writes it (ASCII digits, no leading zero): what the lookups
# of the bodies that hold a code (Post.objects.filter(body__contains=…)) find.
CODE = r"\[photo ([1-9][0-9]{0,8})\]"
# A line of a body that is only a code, and what Markdown makes of it, after nh3.
CODE_LINE = re.compile(rf"^[ \t]*{CODE}[ \t]*$", re.MULTILINE | re.ASCII)
PHOTO_LINE = re.compile(rf"<p>{CODE}</p>", re.ASCII)
SIZES = "(min-width: 1100px) 700px, (min-width: 900px) 65vw, 100vw"


def photo_code(photo_id):
    """What an editor types in a body to show this photo."""
    return f"[photo {photo_id}]"


def render_body(text):
    """A post's Markdown body as readers see it (blog.markup.render_markdown()), with the
    photos whose codes stand on lines of their own. Such a line becomes a paragraph of its own
    even when no blank line parts it from the text around it."""
    from .markup import render_markdown

    if "[photo " in text:
        text = CODE_LINE.sub(lambda match: f"\n\n{photo_code(int(match[1]))}\n\n", text)
    return add_photos(render_markdown(text))


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
