"""Data blocks built from the stored figures: what they hold, and what they never hold."""

import pytest

from scrutiny.blocks import BLOCK_TYPES, BlockChoiceError, build_block
from tests.factories.scrutiny import (
    RecommendationFactory,
    RecommendationUpdateFactory,
    ReportFactory,
)


def test_the_tracker_is_built_from_the_latest_updates_not_retyped(authority):
    from scrutiny.models import Period

    rec = RecommendationFactory(authority=authority, source="2013/14 Annual Review", order=1)
    RecommendationUpdateFactory(
        recommendation=rec, period=Period.quarter(2015, 2), status="achieved", note="Done"
    )
    RecommendationUpdateFactory(
        recommendation=rec, period=Period.quarter(2015, 1), status="in-progress", note="Begun"
    )
    content = build_block(
        authority, "recommendation-tracker", {"choice": "2013/14 Annual Review"}, public=True
    )
    (row,) = content.tables[0].rows
    assert row[1:] == [rec.text, "Achieved", "Done"]  # the latest quarter's, not the last typed


def test_a_part_2_reports_recommendations_never_reach_a_block(authority, committee):
    exempt = ReportFactory(
        authority=authority,
        committee=committee,
        published=True,
        is_exempt=True,
        exempt_paragraph=1,
    )
    RecommendationFactory(authority=authority, source="Review", report=exempt, text="Secret")
    RecommendationFactory(authority=authority, source="Review", text="Open")
    for key in ("recommendation-tracker", "strategic-focus"):
        for public in (True, False):
            content = build_block(authority, key, {"choice": "Review"}, public=public)
            cells = [cell for row in content.tables[0].rows for cell in row]
            assert "Open" in cells
            assert "Secret" not in cells


def test_a_choice_the_council_has_no_figures_for_is_refused(authority):
    with pytest.raises(BlockChoiceError, match="no longer has figures"):
        build_block(authority, "compliments", {"choice": "1999"}, public=True)
    with pytest.raises(BlockChoiceError, match="no kind of data block"):
        build_block(authority, "horoscope", {"choice": "x"}, public=True)


def test_every_block_type_names_what_the_author_chooses():
    assert len(BLOCK_TYPES) == 16
    for kind in BLOCK_TYPES.values():
        assert kind.label and kind.description and kind.choice_label and kind.sources
