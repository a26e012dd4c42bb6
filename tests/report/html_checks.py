"""Reading the rendered HTML back: its tags, attributes and sections (stdlib parser, no browser)."""

from __future__ import annotations

import re
from html.parser import HTMLParser


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    handle_startendtag = handle_starttag


def tags(html: str) -> list[tuple[str, dict[str, str]]]:
    """Every start tag of ``html`` as (name, attributes), as a browser's tokenizer would see them."""
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser.tags


URL_ATTRS = {"src", "href", "xlink:href", "action", "formaction", "poster", "data", "srcset", "background"}


def external_references(html: str) -> list[str]:
    """Attribute values and CSS that would make a browser fetch something (anything but a ``#`` link)."""
    found = []
    for name, attrs in tags(html):
        for key, value in attrs.items():
            if key in URL_ATTRS and not value.strip().startswith("#"):
                found.append(f"<{name} {key}={value!r}>")
    for match in re.finditer(r"url\(\s*['\"]?([^)'\"]*)", html):
        if not match.group(1).startswith("#"):
            found.append(match.group(0))
    found += re.findall(r"@import[^;]*", html)
    return found


def section(html: str, section_id: str) -> str:
    """The text of ``<section id=section_id>`` up to its end tag (sections are not nested)."""
    start = html.index(f'<section id="{section_id}">')
    return html[start : html.index("</section>", start)]
