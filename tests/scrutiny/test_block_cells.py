"""A frozen data block's cells are cleaned whenever they are shown: only GOV.UK tags and
plain structure survive, whatever the database holds."""

import pytest

from scrutiny.sanitize import sanitize_cell_html


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("12", "12"),
        ("51.9% (48.6%)", "51.9% (48.6%)"),
        ("Children&#x27;s teams", "Children&#x27;s teams"),
        (
            '<strong class="govuk-tag govuk-tag--red">Red</strong>',
            '<strong class="govuk-tag govuk-tag--red">Red</strong>',
        ),
        ("<ul><li>Cases read</li></ul>", "<ul><li>Cases read</li></ul>"),
        (
            '<strong class="govuk-tag" onclick="steal()">Red</strong>',
            '<strong class="govuk-tag">Red</strong>',
        ),
        ('<span class="evil govuk-tag">x</span>', "<span>x</span>"),
        (
            '<span style="display:none" class="govuk-visually-hidden">x</span>',
            '<span class="govuk-visually-hidden">x</span>',
        ),
        ("<script>alert(1)</script>7", "7"),
        ('<a href="/wokingham/workforce/movements/3/">Social workers</a>', "Social workers"),
        ('<img src=x onerror="alert(1)">', ""),
    ],
)
def test_cells_keep_figures_and_govuk_markup_and_lose_everything_else(stored, shown):
    assert sanitize_cell_html(stored) == shown
