"""Colours, markers and line styles every chart shares: colour-blind safe and legible in grey."""

from __future__ import annotations

import hashlib
import json

# Okabe & Ito (2008), "Color Universal Design". Orange (#E69F00), sky blue (#56B4E9) and
# yellow (#F0E442) are left out: each has under 3:1 contrast with white (WCAG 1.4.11).
OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}
SERIES_COLOURS = (
    OKABE_ITO["blue"],
    OKABE_ITO["vermillion"],
    OKABE_ITO["bluish_green"],
    OKABE_ITO["reddish_purple"],
    OKABE_ITO["black"],
)
# Colour alone never tells series apart: in print or to a reader who cannot tell two hues
# apart, the marker and the line style (or a bar's hatching) still do.
SERIES_MARKERS = ("o", "s", "^", "D", "v", "P", "X")
# Solid and dash-dot variants only: plain dashes mean "Target" and dots mean a comparator.
SERIES_LINESTYLES = ("-", "-.", (0, (8, 2, 2, 2, 2, 2)), (0, (12, 3, 3, 3)))
SERIES_HATCHES = ("", "//", "..", "xx", "\\\\", "++", "oo")

COMPARATOR_COLOURS = ("#505a5f", "#0b0c0c")
COMPARATOR_MARKERS = ("x", "+", "1", "2")
COMPARATOR_LINESTYLE = ":"

TARGET_COLOUR = "#0b0c0c"
TARGET_LINESTYLE = "--"

TEXT_COLOUR = "#0b0c0c"
MUTED_TEXT_COLOUR = "#505a5f"
GRID_COLOUR = "#dddddd"
BACKGROUND = "#ffffff"

BASE_FONT_SIZE = 11
TITLE_FONT_SIZE = 13


def series_style(index: int) -> dict:
    """The colour, marker, line style and hatch for the index-th series of a chart."""
    return {
        "color": SERIES_COLOURS[index % len(SERIES_COLOURS)],
        "marker": SERIES_MARKERS[index % len(SERIES_MARKERS)],
        # The first series is always solid: it is usually the one the chart is about.
        "linestyle": SERIES_LINESTYLES[index % len(SERIES_LINESTYLES)] if index else "-",
        "hatch": SERIES_HATCHES[index % len(SERIES_HATCHES)],
    }


def comparator_style(index: int) -> dict:
    """The colour, marker and (always dotted) line style for the index-th comparator."""
    return {
        "color": COMPARATOR_COLOURS[index % len(COMPARATOR_COLOURS)],
        "marker": COMPARATOR_MARKERS[index % len(COMPARATOR_MARKERS)],
        "linestyle": COMPARATOR_LINESTYLE,
    }


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of a #rrggbb colour."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(foreground: str, background: str = BACKGROUND) -> float:
    """WCAG 2 contrast ratio between two #rrggbb colours (1 to 21)."""
    lighter, darker = sorted(
        (relative_luminance(foreground), relative_luminance(background)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


def palette_fingerprint() -> str:
    """A digest of every style choice above, so a change of style invalidates cached charts."""
    style = {
        name: value
        for name, value in globals().items()
        if name.isupper() and isinstance(value, str | int | tuple | dict)
    }
    return hashlib.sha256(json.dumps(style, sort_keys=True).encode()).hexdigest()[:16]
