"""The chart file cache: drawn once, named by content, never seen half-written."""

import threading
import time

import pytest

from scrutiny.charts import (
    LineChart,
    Series,
    alt_text,
    cache,
    cached_chart,
    chart_key,
    palette,
    render,
    renderer,
)


def spec(value=5.6):
    """The seed 000 average-score chart, its last figure adjustable."""
    return LineChart(
        "Average score across all 7 aspects of the score card",
        series=[Series("Average score", [("Nov 2016", 4), ("Sep 2018", value)])],
        y_min=0,
        y_max=10,
    )


@pytest.fixture
def renders(monkeypatch):
    """Count calls to the renderer, still drawing for real."""
    calls = []
    real = renderer.render

    def counting(chart, fmt):
        """Record the call, then render as usual."""
        calls.append((chart, fmt))
        return real(chart, fmt)

    monkeypatch.setattr(renderer, "render", counting)
    return calls


def test_it_draws_once_then_serves_the_file(tmp_path, renders):
    first = cached_chart(spec(), "svg", root=tmp_path, url_prefix="/media/")
    second = cached_chart(spec(), "svg", root=tmp_path, url_prefix="/media/")
    assert len(renders) == 1
    assert first == second
    assert first.path == tmp_path / "charts" / f"{first.sha256}.svg"
    assert first.url == f"/media/charts/{first.sha256}.svg"
    assert first.alt == alt_text(spec())
    assert first.media_type == "image/svg+xml"
    assert first.path.read_bytes() == render(spec(), "svg")


def test_svg_and_png_are_separate_files(tmp_path, renders):
    svg = cached_chart(spec(), "svg", root=tmp_path, url_prefix="/m/")
    png = cached_chart(spec(), "png", root=tmp_path, url_prefix="/m/")
    assert svg.sha256 != png.sha256
    assert png.path.suffix == ".png" and png.media_type == "image/png"
    assert len(renders) == 2


def test_it_uses_media_root_and_media_url_by_default(settings, tmp_path, renders):
    settings.MEDIA_ROOT = tmp_path
    settings.MEDIA_URL = "/media/"
    chart = cached_chart(spec())
    assert chart.path.parent == tmp_path / "charts"
    assert chart.url.startswith("/media/charts/")
    assert chart.path.is_file()


def test_changing_one_value_changes_the_key(tmp_path, renders):
    assert chart_key(spec()) == chart_key(spec())
    assert chart_key(spec(5.6)) != chart_key(spec(5.7))
    # 5.6 and 5.60 draw the same chart.
    assert chart_key(spec("5.6")) == chart_key(spec("5.60"))
    cached_chart(spec(5.6), root=tmp_path, url_prefix="/m/")
    cached_chart(spec(5.7), root=tmp_path, url_prefix="/m/")
    assert len(renders) == 2


def test_a_change_of_style_or_renderer_invalidates_the_key(monkeypatch):
    before = chart_key(spec())
    monkeypatch.setattr(palette, "SERIES_COLOURS", ("#000000",))
    after_palette = chart_key(spec())
    monkeypatch.setattr(renderer, "RENDERER_VERSION", "999")
    after_renderer = chart_key(spec())
    assert len({before, after_palette, after_renderer}) == 3


def test_it_refuses_an_unknown_format(tmp_path):
    with pytest.raises(ValueError):
        cached_chart(spec(), "jpg", root=tmp_path, url_prefix="/m/")


def test_a_failed_write_leaves_nothing_behind(tmp_path, monkeypatch):
    def half_then_fail(path, data):
        """Fail at the rename, as a full disk or a killed worker would."""
        raise OSError("disk full")

    monkeypatch.setattr(cache.os, "replace", half_then_fail)
    with pytest.raises(OSError):
        cached_chart(spec(), root=tmp_path, url_prefix="/m/")
    assert list((tmp_path / "charts").iterdir()) == []


def test_concurrent_writers_never_leave_a_half_written_file(tmp_path, monkeypatch):
    payload = b"<svg>" + b"x" * 4_000_000 + b"</svg>"

    def slow_render(chart, fmt):
        """A large file, slowly, so writers overlap."""
        time.sleep(0.01)
        return payload

    monkeypatch.setattr(renderer, "render", slow_render)
    target = tmp_path / "charts" / f"{chart_key(spec())}.svg"
    seen, done = [], threading.Event()

    def reader():
        """Read the file whenever it exists and note whether it was whole."""
        while not done.is_set():
            if target.exists():
                seen.append(target.read_bytes() == payload)

    def writer():
        # Each writer goes round the existence check, as workers racing a cold cache do.
        """Write the chart as one worker would on a cold cache."""
        cache._write_atomically(target, slow_render(spec(), "svg"))

    watcher = threading.Thread(target=reader)
    watcher.start()
    writers = [threading.Thread(target=writer) for _ in range(8)]
    for thread in writers:
        thread.start()
    for thread in writers:
        thread.join()
    done.set()
    watcher.join()
    assert target.read_bytes() == payload
    assert seen and all(seen)
    assert [p.name for p in target.parent.iterdir()] == [target.name]
