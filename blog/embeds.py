"""Embeds: a paragraph that is nothing but the address of a video or a social post becomes a
figure that names where it is hosted and links to it. Nothing of the host's loads until the
reader asks: static/js/embeds.js adds a button that puts the host's player in a frame (the
hosts below are the only ones CONTENT_SECURITY_POLICY lets in a frame); without JavaScript,
or for hosts without a frame (Bluesky, Mastodon, Threads), the link is the embed.

The figure is built here from the parts of the address each host's rule accepts (ids of
letters, digits, - and _), never from what the editor typed around them, and it is added
after nh3 has sanitized the body, so the sanitizer's allow-list stays as it is.
"""

import html
import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from django.utils.html import format_html


@dataclass(frozen=True)
class Embed:
    host: str  # the host's name, as readers know it
    kind: str  # "video" or "post"
    link: str  # the address to open on the host's site
    frame: str = ""  # the address of the host's player or post in a frame, if it has one


ID = r"[A-Za-z0-9_-]+"


def _youtube(url, query):
    video = None
    if url.netloc == "youtu.be":
        video = url.path.strip("/")
    elif url.path == "/watch":
        video = (query.get("v") or [""])[0]
    elif match := re.fullmatch(r"/(?:shorts|embed|live)/([^/]+)/?", url.path):
        video = match.group(1)
    if video and re.fullmatch(r"[A-Za-z0-9_-]{11}", video):
        return Embed(
            "YouTube",
            "video",
            f"https://www.youtube.com/watch?v={video}",
            f"https://www.youtube-nocookie.com/embed/{video}",
        )
    return None


def _vimeo(url, query):
    if match := re.fullmatch(r"/(?:video/)?(\d+)/?", url.path):
        video = match.group(1)
        return Embed(
            "Vimeo",
            "video",
            f"https://vimeo.com/{video}",
            f"https://player.vimeo.com/video/{video}?dnt=1",
        )
    return None


def _x(url, query):
    if match := re.fullmatch(rf"/({ID})/status/(\d+)/?", url.path):
        user, post = match.groups()
        return Embed(
            "X",
            "post",
            f"https://x.com/{user}/status/{post}",
            f"https://platform.twitter.com/embed/Tweet.html?id={post}&dnt=true",
        )
    return None


def _instagram(url, query):
    if match := re.fullmatch(rf"/(p|reel)/({ID})/?", url.path):
        kind, post = match.groups()
        link = f"https://www.instagram.com/{kind}/{post}/"
        return Embed("Instagram", "post", link, link + "embed/")
    return None


def _tiktok(url, query):
    if match := re.fullmatch(r"/@([\w.-]+)/video/(\d+)/?", url.path):
        user, video = match.groups()
        return Embed(
            "TikTok",
            "video",
            f"https://www.tiktok.com/@{user}/video/{video}",
            f"https://www.tiktok.com/embed/v2/{video}",
        )
    return None


def _bluesky(url, query):
    if match := re.fullmatch(r"/profile/([\w.:-]+)/post/(\w+)/?", url.path):
        return Embed("Bluesky", "post", f"https://bsky.app/profile/{match[1]}/post/{match[2]}")
    return None


def _threads(url, query):
    if match := re.fullmatch(rf"/@([\w.]+)/post/({ID})/?", url.path):
        return Embed("Threads", "post", f"https://www.threads.net/@{match[1]}/post/{match[2]}")
    return None


HOSTS = {
    "youtube.com": _youtube,
    "m.youtube.com": _youtube,
    "youtu.be": _youtube,
    "vimeo.com": _vimeo,
    "player.vimeo.com": _vimeo,
    "x.com": _x,
    "twitter.com": _x,
    "mobile.twitter.com": _x,
    "instagram.com": _instagram,
    "tiktok.com": _tiktok,
    "bsky.app": _bluesky,
    "threads.net": _threads,
    "threads.com": _threads,
}
# What CONTENT_SECURITY_POLICY's frame-src lets in: the hosts of the frames above.
FRAME_SOURCES = [
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
    "https://platform.twitter.com",
    "https://www.instagram.com",
    "https://www.tiktok.com",
]


def embed_for(address):
    """The Embed for an address of a known host, or None."""
    try:
        url = urlsplit(address.strip())
    except ValueError:
        return None
    if url.scheme not in ("http", "https") or url.username or url.password:
        return None
    host = (url.hostname or "").removeprefix("www.")
    rule = HOSTS.get(host)
    return rule(url, parse_qs(url.query)) if rule else None


def _mastodon(address):
    """A post on a Mastodon server (https://server/@user/123...): a link, as servers are too
    many to let in a frame."""
    url = urlsplit(address)
    match = re.fullmatch(r"/@(\w+)(?:@[\w.-]+)?/(\d{6,})/?", url.path)
    if url.scheme == "https" and url.hostname and match:
        return Embed("Mastodon", "post", f"https://{url.hostname}/@{match[1]}/{match[2]}")
    return None


# A paragraph of sanitized HTML holding one address, bare or as a link to itself.
LONE_ADDRESS = re.compile(
    r'<p>\s*(?:<a href="(?P<href>[^"]+)"[^>]*>)?(?P<text>https?://[^\s<]+)(?:</a>)?\s*</p>'
)


def add_embeds(body_html):
    """Sanitized HTML with each paragraph that is only the address of a known video or post
    (a link's address and text agreeing) made into an embed figure."""

    def figure(match):
        address = html.unescape(match["text"])
        if match["href"] is not None and html.unescape(match["href"]) != address:
            return match.group(0)
        embed = embed_for(address) or _mastodon(address)
        return render_embed(embed) if embed else match.group(0)

    return LONE_ADDRESS.sub(figure, body_html) if "://" in body_html else body_html


def render_embed(embed):
    noun = "video" if embed.kind == "video" else "post"
    return format_html(
        '<figure class="embed embed-{}"{}>'
        '<p class="embed-link"><a href="{}">{} on {}</a></p>'
        '<figcaption class="embed-notice">Hosted by {}.{}</figcaption>'
        "</figure>",
        embed.kind,
        format_html(' data-embed-src="{}" data-embed-host="{}"', embed.frame, embed.host)
        if embed.frame
        else "",
        embed.link,
        "Watch the video" if noun == "video" else "See the post",
        embed.host,
        embed.host,
        " Nothing loads from there until you ask." if embed.frame else "",
    )
