"""The narrative sanitiser: structure, links and tables survive; anything active does not."""

import pytest

from scrutiny.sanitize import sanitize_html


@pytest.mark.parametrize(
    ("dirty", "forbidden"),
    [
        ("<p>Hello<script>alert('x')</script></p>", "alert"),
        ('<p onclick="steal()">Hello</p>', "onclick"),
        ('<a href="javascript:alert(1)">Click</a>', "javascript:"),
        ('<a href="JaVaScRiPt:alert(1)">Click</a>', "alert"),
        ("<img src=x onerror=alert(1)>", "onerror"),
        ("<img src=x onerror=alert(1)>", "<img"),
        ('<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', "data:"),
        ('<a href="/admin/">x</a>', "/admin/"),
        ("<style>body{display:none}</style><p>x</p>", "display"),
        ('<iframe src="https://evil.example"></iframe>', "iframe"),
        ('<table><tr><th scope="col" style="color:red">H</th></tr></table>', "style"),
    ],
)
def test_it_never_lets_active_content_survive(dirty, forbidden):
    assert forbidden not in sanitize_html(dirty)


def test_it_keeps_the_allowed_structure():
    html = (
        "<h2>Background</h2><p><strong>Bold</strong> and <em>em</em><br></p>"
        "<ul><li>One</li></ul><ol><li>Two</li></ol>"
        '<table><caption>Cap</caption><thead><tr><th scope="col">Team</th></tr></thead>'
        "<tbody><tr><td>Brambles</td></tr></tbody></table>"
    )
    assert sanitize_html(html) == html


def test_it_keeps_web_and_mail_links_and_adds_rel():
    cleaned = sanitize_html(
        '<a href="https://www.gov.uk" target="_blank">GOV.UK</a>'
        '<a href="mailto:clerk@example.gov.uk">Email</a>'
    )
    assert '<a href="https://www.gov.uk" rel="noopener noreferrer">GOV.UK</a>' in cleaned
    assert '<a href="mailto:clerk@example.gov.uk" rel="noopener noreferrer">Email</a>' in cleaned
    assert "target" not in cleaned


def test_it_drops_headings_outside_h2_to_h4_but_keeps_their_text():
    assert sanitize_html("<h1>Title</h1><h5>Small</h5>") == "TitleSmall"


def test_blank_input_is_blank():
    assert sanitize_html(None) == ""
    assert sanitize_html("") == ""
