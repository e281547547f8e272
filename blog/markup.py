"""Turn an editor's Markdown into HTML that is safe to show to readers, and plain text
(headlines, standfirsts) into text with typographer's quotes and dashes."""

import re

import markdown
import nh3

from .embeds import add_embeds

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "cite", "code", "del", "em", "figcaption", "figure",
    "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "li", "ol", "p", "pre", "q", "s", "small",
    "strong", "sub", "sup", "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}


def render_markdown(text):
    """Render Markdown to HTML, then sanitize it: whatever an editor pastes, no script,
    event handler, style or javascript: link reaches a reader. A paragraph that is only the
    address of a video or social post becomes an embed (blog/embeds.py)."""
    html = markdown.markdown(
        text, extensions=["extra", "sane_lists", "smarty"], output_format="html"
    )
    return add_embeds(
        nh3.clean(
            html,
            tags=ALLOWED_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            url_schemes=ALLOWED_URL_SCHEMES,
            link_rel="noopener noreferrer",
        )
    )


# What a quote opens after: the start, a space, a bracket, a dash or an opening quote.
_OPENS_AFTER = r"(^|[\s(\[{\u2014\u2013\u201c\u2018-])"
# In order: dashes before quotes, so a quote after a dash is seen as opening. Each pattern
# comes with what it needs to find, so text without that skips it (pages smarten every
# headline and standfirst they show).
SMART_TYPOGRAPHY = [
    ("---", re.compile("---"), "\u2014"),
    ("--", re.compile("--"), "\u2013"),
    ("...", re.compile(r"\.\.\."), "\u2026"),
    ("'", re.compile(r"'(?=\d\ds\b)"), "\u2019"),
    ('"', re.compile(_OPENS_AFTER + '"'), "\\1\u201c"),
    ('"', re.compile('"'), "\u201d"),
    ("'", re.compile(_OPENS_AFTER + "'"), "\\1\u2018"),
    ("'", re.compile("'"), "\u2019"),
]


def smarten(text):
    """Plain text with curly quotes, en and em dashes and ellipses, as Markdown's smarty
    extension gives post bodies: "it's" becomes it’s, -- –, --- — and ... …. The result is
    still plain text, to be escaped like any other."""
    for needed, pattern, replacement in SMART_TYPOGRAPHY:
        if needed in text:
            text = pattern.sub(replacement, text)
    return text
