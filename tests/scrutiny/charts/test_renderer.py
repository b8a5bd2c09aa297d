"""Rendering: valid, labelled, deterministic files drawn without pyplot."""

import io
import math
import subprocess
import sys
import textwrap
from pathlib import Path
from xml.etree import ElementTree

import pytest
from matplotlib.text import Text
from PIL import Image

from scrutiny.charts import BarChart, LineChart, Series, alt_text, palette, render
from scrutiny.charts.drawing import WIDTH_IN, draw
from scrutiny.charts.renderer import PNG_DPI

SVG = "{http://www.w3.org/2000/svg}"
QUARTERS = ["Q1 2014/15", "Q2 2014/15", "Q3 2014/15", "Q4 2014/15"]


def caseload(**changes):
    """Slough's caseloads against a target of 16, England and neighbours."""
    fields = {
        "title": "Average caseload per social worker",
        "decimals": 1,
        "series": [Series("Slough", list(zip(QUARTERS, [22, None, "19.5", 18], strict=True)))],
        "target": 16,
        "comparators": [
            Series("England", list(zip(QUARTERS, [16, 16, 16, 16], strict=True))),
            Series("Statistical neighbours", list(zip(QUARTERS, [17, 17, 17, 17], strict=True))),
        ],
    }
    return LineChart(**{**fields, **changes})


def staff():
    """Permanent and agency staff as grouped bars, one figure missing."""
    return BarChart(
        "Staff by contract",
        decimals=0,
        series=[
            Series("Permanent", [("2013/14", 40), ("2014/15", 52)]),
            Series("Agency", [("2013/14", 19), ("2014/15", None)]),
        ],
        target=50,
        comparators=[Series("England", [("2013/14", 45), ("2014/15", 46)])],
    )


@pytest.mark.parametrize("spec", [caseload(), staff(), LineChart("Nothing yet")])
def test_svg_is_valid_xml_titled_with_the_alt_text(spec):
    root = ElementTree.fromstring(render(spec, "svg"))
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    titles = [child for child in root if child.tag == f"{SVG}title"]
    assert len(titles) == 1
    assert root[0] is titles[0]
    assert titles[0].text == alt_text(spec)


def test_the_title_escapes_what_xml_would_choke_on():
    spec = LineChart("A & <B>", series=[Series("Ratio <1> & more", [("Q1", 1)])])
    root = ElementTree.fromstring(render(spec, "svg"))
    assert root[0].text == alt_text(spec)


@pytest.mark.parametrize("spec", [caseload(), staff(), LineChart("Nothing yet")])
def test_png_opens(spec):
    image = Image.open(io.BytesIO(render(spec, "png")))
    image.verify()
    image = Image.open(io.BytesIO(render(spec, "png")))
    assert image.format == "PNG"
    assert image.size[0] == WIDTH_IN * PNG_DPI
    assert image.text["Description"] == alt_text(spec)


@pytest.mark.parametrize("fmt", ["svg", "png"])
def test_the_same_spec_gives_the_same_bytes(fmt):
    assert render(caseload(), fmt) == render(caseload(), fmt)
    assert render(caseload(), fmt) != render(caseload(target=17), fmt)


def test_it_refuses_an_unknown_format():
    with pytest.raises(ValueError):
        render(caseload(), "gif")


def test_a_missing_figure_leaves_a_gap_not_a_zero():
    figure = draw(caseload())
    line = figure.axes[0].lines[0]
    values = list(line.get_ydata())
    assert values[0] == 22 and values[2] == 19.5
    assert math.isnan(values[1])


def test_a_missing_bar_is_not_drawn_and_is_marked():
    axes = draw(staff()).axes[0]
    heights = sorted(patch.get_height() for patch in axes.patches)
    assert heights == [19, 40, 52]
    assert "no figure" in [t.get_text() for t in axes.texts]


def test_target_is_dashed_and_comparators_are_dotted_and_labelled_at_the_end():
    axes = draw(caseload()).axes[0]
    own, *comparators, target = axes.lines
    assert own.get_linestyle() == "-"
    assert target.get_linestyle() == "--"
    assert [c.get_linestyle() for c in comparators] == [":", ":"]
    labels = {t.get_text() for t in axes.texts}
    assert {"Target 16", "England", "Statistical neighbours"} <= labels


def test_end_labels_do_not_overprint():
    spec = caseload(
        target=16,
        comparators=[
            Series("England", [(QUARTERS[-1], 16)]),
            Series("Region", [(QUARTERS[-1], 16)]),
        ],
    )
    figure = draw(spec)
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in figure.axes[0].texts]
    assert len(boxes) == 3
    for i, box in enumerate(boxes):
        for other in boxes[i + 1 :]:
            assert not box.overlaps(other)


def test_every_series_has_its_own_marker_and_line_style():
    spec = LineChart(
        "Aspects", series=[Series(f"Aspect {n}", [("Q1", n), ("Q2", n + 1)]) for n in range(7)]
    )
    lines = draw(spec).axes[0].lines
    styles = {(line.get_marker(), str(line.get_linestyle()), line.get_color()) for line in lines}
    assert len({line.get_marker() for line in lines}) == 7
    assert len(styles) == 7


def test_all_text_is_at_least_10pt():
    for spec in (caseload(), staff(), LineChart("Nothing yet")):
        figure = draw(spec)
        texts = [t for t in figure.findobj(Text) if t.get_text()]
        assert texts
        assert min(t.get_fontsize() for t in texts) >= 10


def test_colours_are_okabe_ito_with_enough_contrast():
    assert set(palette.SERIES_COLOURS) <= set(palette.OKABE_ITO.values())
    for colour in (*palette.SERIES_COLOURS, *palette.COMPARATOR_COLOURS, palette.TARGET_COLOUR):
        assert palette.contrast_ratio(colour) >= 3
    for colour in (palette.TEXT_COLOUR, palette.MUTED_TEXT_COLOUR):
        assert palette.contrast_ratio(colour) >= 4.5


def test_it_never_imports_pyplot():
    code = textwrap.dedent(
        """
        import sys
        from scrutiny.charts import LineChart, BarChart, Series, render
        spec = LineChart("T", series=[Series("A", [("Q1", 1), ("Q2", None), ("Q3", 2)])],
                         target=1, comparators=[Series("England", [("Q1", 1)])])
        render(spec, "svg")
        render(spec, "png")
        render(BarChart("T", series=spec.series), "png")
        assert "matplotlib.pyplot" not in sys.modules, "pyplot was imported"
        import matplotlib
        assert matplotlib.get_backend().lower() == "agg", matplotlib.get_backend()
        """
    )
    root = Path(__file__).resolve().parents[3]
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr


def test_a_process_that_draws_no_chart_never_loads_matplotlib():
    """Web processes and pack workers import every view and task; matplotlib (tens of MiB)
    is loaded only once a chart is actually drawn."""
    code = textwrap.dedent(
        """
        import os, sys
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scrutiny.settings")
        import django
        django.setup()
        from django.urls import get_resolver
        get_resolver().url_patterns
        from scrutiny.celery import app
        app.loader.import_default_modules()
        import packs.render, scrutiny.blocks, scrutiny.charts
        loaded = sorted(name for name in sys.modules if name.startswith("matplotlib"))
        assert not loaded, loaded
        from scrutiny.charts import LineChart, Series, render
        render(LineChart("T", series=[Series("A", [("Q1", 1), ("Q2", 2)])]), "svg")
        assert "matplotlib" in sys.modules, "drawing a chart did not load matplotlib"
        """
    )
    root = Path(__file__).resolve().parents[3]
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
