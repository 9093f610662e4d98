"""Article bodies keep a safe subset of formatting (nh3, the Rust ``ammonia`` sanitiser): headings,
paragraphs, lists, emphasis, tables and links; scripts, iframes, styles, event handlers and
``javascript:`` links are removed with their content where they have any."""

from __future__ import annotations

import html

import nh3

TAGS = frozenset(
    {"p", "br", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "b", "i", "a", "blockquote"}
    | {"table", "thead", "tbody", "tr", "th", "td", "abbr", "small", "span"}
)
ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})


def body_clean(html: str) -> str:
    """The body with only the safe subset of formatting left."""
    return nh3.clean(
        html,
        tags=set(TAGS),
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer nofollow",
        clean_content_tags={"script", "style", "iframe", "object", "embed", "template", "noscript"},
        strip_comments=True,
    ).strip()


def body_text(markup: str) -> str:
    """The body's text alone (for the search index and the diff's plain view)."""
    text = nh3.clean(markup, tags=set(), clean_content_tags={"script", "style", "iframe", "template"})
    return " ".join(html.unescape(text).split())
