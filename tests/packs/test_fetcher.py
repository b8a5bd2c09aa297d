"""A document may load only our static files and charts: no local files, no network."""

import socket
import threading

import pytest

from packs.fetcher import ProjectFileFetcher, RefusedURL
from packs.render import layout, write_pdf


@pytest.fixture
def outside_server():
    """A TCP listener standing for an outside address: it records any connection made."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.settimeout(0.2)
    connections = []
    stop = threading.Event()

    def accept():
        while not stop.is_set():
            try:
                connections.append(listener.accept())
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}", connections
    stop.set()
    thread.join()
    listener.close()


def test_local_files_and_outside_addresses_are_refused_without_fetching(outside_server, read_pdf):
    outside, connections = outside_server
    html = f"""<html lang="en-GB"><head><title>t</title>
      <link rel="stylesheet" href="{outside}/style.css"></head><body>
      <p>Before</p><img src="file:///etc/passwd" alt="x"><img src="{outside}/x.png" alt="y">
      <iframe src="file:///etc/passwd"></iframe><object data="file:///etc/passwd"></object>
      <img src="/static/../../../etc/passwd" alt="z"><p>After</p></body></html>"""
    fetcher = ProjectFileFetcher()
    pdf = read_pdf(write_pdf(layout(html, fetcher), "t"))
    assert "Before" in pdf.text and "After" in pdf.text
    assert "root:" not in pdf.text
    assert connections == []
    assert any(url.startswith("file:///etc/passwd") for url in fetcher.refused)
    assert any(url.startswith(outside) for url in fetcher.refused)


def test_static_files_and_charts_load_from_disk(settings, media_root):
    fetcher = ProjectFileFetcher()
    origin = settings.PACK_SITE_URL.rstrip("/")
    assert b"initAll" in fetcher.fetch(f"{origin}/static/js/app.js").read()
    chart = media_root / "charts" / ("a" * 64 + ".svg")
    chart.parent.mkdir(parents=True)
    chart.write_bytes(b"<svg xmlns='http://www.w3.org/2000/svg'/>")
    assert fetcher.fetch(f"{origin}/media/charts/{chart.name}").read().startswith(b"<svg")
    for refused in [
        f"{origin}/media/packs/{'a' * 64}.pdf",
        f"{origin}/static/../scrutiny/settings.py",
        "http://elsewhere.example/static/js/app.js",
        "file:///etc/passwd",
    ]:
        with pytest.raises(RefusedURL):
            fetcher.fetch(refused)
