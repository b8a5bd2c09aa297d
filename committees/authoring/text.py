"""The narrative format officers type, and the safe HTML made from it.

Paragraphs are separated by a blank line. A line starting "## " is a heading; lines
starting "- " or "* " make a bulleted list, "1. " a numbered one. Inline, **bold** and
[a link](https://example.org). Everything else is text: nothing typed is ever taken as HTML.
"""

from __future__ import annotations

import re

from django.utils.html import escape

# A section's typed text, at most: some 40 printed pages. Longer costs the pack's layout
# minutes and hundreds of megabytes, and belongs in an appendix of its own.
MAX_TEXT = 100_000


def too_long(text: str) -> str:
    """The message for a text over ``MAX_TEXT``, or "" when it fits."""
    if len(text) <= MAX_TEXT:
        return ""
    return (
        f"The section's text must be {MAX_TEXT:,} characters or fewer "
        f"(it has {len(text):,}): split it into more sections"
    )


BULLET = re.compile(r"^[-*•]\s+")
NUMBER = re.compile(r"^\d+[.)]\s+")
LINK = re.compile(r"\[([^\]\n]+)\]\((https?://[^\s)]+|mailto:[^\s)]+)\)")
BOLD = re.compile(r"\*\*(.+?)\*\*")


def _inline(text: str) -> str:
    html = escape(text)
    html = LINK.sub(lambda m: f'<a href="{m.group(2)}">{m.group(1)}</a>', html)
    return BOLD.sub(r"<strong>\1</strong>", html)


def _block(lines: list[str]) -> str:
    if len(lines) == 1 and lines[0].startswith("## "):
        return f"<h3>{_inline(lines[0][3:].strip())}</h3>"
    for pattern, tag in ((BULLET, "ul"), (NUMBER, "ol")):
        if all(pattern.match(line) for line in lines):
            items = "".join(f"<li>{_inline(pattern.sub('', line, count=1))}</li>" for line in lines)
            return f"<{tag}>{items}</{tag}>"
    return f"<p>{'<br>'.join(_inline(line) for line in lines)}</p>"


def text_to_html(text: str) -> str:
    """The HTML for what was typed: headings, paragraphs, lists, bold and links."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for raw in text.replace("\r\n", "\n").split("\n"):
        line = raw.strip()
        if not line:
            if current:
                blocks.append(current)
            current = []
            continue
        if line.startswith("## "):
            if current:
                blocks.append(current)
            blocks.append([line])
            current = []
            continue
        current.append(line)
    if current:
        blocks.append(current)
    return "\n".join(_block(b) for b in blocks)


def blocks_to_text(blocks) -> str:
    """The typed form of the demo fixtures' blocks (p, h3, ul, ol); tables are not text."""
    parts = []
    for block in blocks:
        if "p" in block:
            parts.append(block["p"])
        elif "h3" in block:
            parts.append(f"## {block['h3']}")
        elif "ul" in block:
            parts.append("\n".join(f"- {item}" for item in block["ul"]))
        elif "ol" in block:
            parts.append("\n".join(f"{n}. {item}" for n, item in enumerate(block["ol"], 1)))
        else:
            return ""
    return "\n\n".join(parts)
