"""How the tags field reads and writes tag names (TAGGIT_TAGS_FROM_STRING and
TAGGIT_STRING_FROM_TAGS in settings): commas separate tags, so “Kestrel Bay” is one tag.
Double quotes are optional; they let a name hold a comma (“"Smith, John", Floods”)."""

import re

# A tag: quoted text, or anything up to the next comma.
_TAG = re.compile(r'\s*(?:"([^"]*)"|([^,]*))\s*(?:,|$)')


def parse_tags(text):
    """The sorted tag names in what an editor typed, each once whatever its case (the first
    spelling wins; TAGGIT_CASE_INSENSITIVE finds the existing tag)."""
    if text.count('"') % 2:
        # An unclosed quote is a slip of the finger, not the start of a name with commas.
        text = text.replace('"', "")
    names = {}
    for quoted, plain in _TAG.findall(text):
        name = " ".join((quoted or plain).replace('"', "").split())
        if name:
            names.setdefault(name.casefold(), name)
    return sorted(names.values())


def tags_to_string(tags):
    """The tags as an editor types them, read back unchanged by parse_tags()."""
    names = sorted(tag.name for tag in tags)
    return ", ".join(f'"{name}"' if "," in name else name for name in names)
