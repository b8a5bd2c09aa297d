"""Chart files served by their content hash: public charts to anyone, a council's to its readers."""

import pytest

from scrutiny.charts import LineChart, Series, cached_chart
from tests.factories.scrutiny import UserFactory

pytestmark = pytest.mark.django_db

HASH = "a" * 64


def draw(**kwargs):
    spec = LineChart(
        title="Turnover", series=[Series("Wokingham", [("2013/14", 33), ("2014/15", 14)])]
    )
    return cached_chart(spec, "svg", **kwargs)


def test_it_streams_a_public_chart_with_long_cache_headers(client, media_root):
    chart = draw()
    response = client.get(chart.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response["ETag"] == f'"{chart.sha256}"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == chart.path.read_bytes()


def test_it_serves_png_as_png(client, media_root):
    spec = LineChart(title="T", series=[Series("W", [("a", 1)])])
    chart = cached_chart(spec, "png")
    response = client.get(chart.url)
    assert response["Content-Type"] == "image/png"


@pytest.mark.parametrize(
    "name",
    [
        f"{HASH}.svg",  # well formed, but no such file
        f"{HASH.upper()}.svg",
        f"{HASH}.html",
        f"{HASH[:-1]}.svg",
        "..%2F..%2Fsettings.py",
        f"..%2F{HASH}.svg",
        f"{HASH}.svg%00.png",
    ],
)
def test_anything_but_a_stored_hash_is_404(client, media_root, name):
    assert client.get(f"/media/charts/{name}").status_code == 404


def test_it_never_reads_outside_the_chart_folder(client, media_root):
    (media_root / f"{HASH}.svg").parent.mkdir(parents=True, exist_ok=True)
    (media_root / f"{HASH}.svg").write_text("<svg/>")
    assert client.get(f"/media/charts/{HASH}.svg").status_code == 404


def test_a_public_chart_is_not_served_as_a_councils_private_one(
    officer_client, authority, media_root
):
    chart = draw()
    name = chart.path.name
    assert (
        officer_client.get(f"/{authority.slug}/scorecards/private/charts/{name}").status_code == 404
    )


def private_chart(authority, media_root):
    return draw(
        root=media_root / "private" / authority.slug,
        url_prefix=f"/{authority.slug}/scorecards/private",
    )


def test_a_councils_private_chart_goes_to_its_readers_only(
    client, officer_client, authority, other_authority, media_root
):
    chart = private_chart(authority, media_root)
    response = officer_client.get(chart.url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, max-age=31536000, immutable"
    # Not from the public folder...
    assert officer_client.get(f"/media/charts/{chart.path.name}").status_code == 404
    # ...nor through another council's address.
    assert officer_client.get(
        f"/{other_authority.slug}/scorecards/private/charts/{chart.path.name}"
    ).status_code in (403, 404)


def test_the_public_and_other_councils_cannot_fetch_a_private_chart(
    client, authority, other_authority, media_root
):
    chart = private_chart(authority, media_root)
    assert client.get(chart.url).status_code == 302
    client.force_login(UserFactory(role="officer", authorities=[other_authority]))
    assert client.get(chart.url).status_code == 403
