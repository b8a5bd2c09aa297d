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
    assert len(BLOCK_TYPES) == 17
    for kind in BLOCK_TYPES.values():
        assert kind.label and kind.description and kind.choice_label and kind.sources


def test_a_history_built_as_at_a_date_shows_only_what_was_known_by_then(authority):
    """A block frozen for a report of 31 March 2015 never shows a year or quarter begun
    later, nor a later round or update; built with no date it shows everything held."""
    import datetime as dt

    from scrutiny.models import Period
    from tests.factories.scorecards import (
        ComparatorValueFactory,
        IndicatorFactory,
        IndicatorValueFactory,
        PracticeAspectFactory,
        PracticeScoreFactory,
    )

    march_2015 = dt.date(2015, 3, 31)
    indicator = IndicatorFactory(code="turnover", name="Turnover")
    for year, value in ((2013, 33), (2014, 14), (2015, 11)):
        period = Period.year(year)  # 2013/14, 2014/15, 2015/16 (begins 1 April 2015)
        IndicatorValueFactory(
            indicator=indicator, authority=authority, period=period, reported_value=value
        )
        ComparatorValueFactory(indicator=indicator, period=period, value=16 + year - 2013)
    aspect = PracticeAspectFactory(scorecard__authority=authority)
    PracticeScoreFactory(aspect=aspect, assessed_on=dt.date(2014, 11, 30), score=4)
    PracticeScoreFactory(aspect=aspect, assessed_on=dt.date(2015, 3, 31), score=5)
    PracticeScoreFactory(aspect=aspect, assessed_on=dt.date(2015, 4, 1), score=7)
    rec = RecommendationFactory(authority=authority, source="Review", order=1)
    RecommendationUpdateFactory(
        recommendation=rec, period=Period.quarter(2014, 4), status="in-progress", note="Begun"
    )
    RecommendationUpdateFactory(
        recommendation=rec, period=Period.quarter(2015, 1), status="achieved", note="Done"
    )

    def build(key, choice, as_at):
        return build_block(authority, key, {"choice": choice}, public=False, as_at=as_at)

    def first_cells(content):
        return [row[0] for row in content.tables[0].rows]

    then = build("indicator-chart", "turnover", march_2015)
    assert first_cells(then) == ["2013/14", "2014/15"]
    (_, points), *_ = then.charts[0].spec["series"]
    assert [label for label, _ in points] == ["2013/14", "2014/15"]
    compared = {label for _, rows in then.charts[0].spec["comparators"] for label, _ in rows}
    assert compared == {"2013/14", "2014/15"}  # England's 2015/16 figure is left out too
    assert len(first_cells(build("indicator-chart", "turnover", None))) == 3
    # A year still running is shown: officers quote it to date ("currently running at 7.3%").
    assert first_cells(build("indicator-chart", "turnover", dt.date(2015, 7, 20)))[-1] == "2015/16"

    card = str(aspect.scorecard.pk)
    then = build("practice-scorecard", card, march_2015)
    assert then.tables[0].rows[0][1:] == ["4", "5"]
    assert build("practice-scorecard", card, None).tables[0].rows[0][1:] == ["4", "5", "7"]

    (row,) = build("recommendation-tracker", "Review", march_2015).tables[0].rows
    assert row[2:] == ["In progress", "Begun"]
    (row,) = build("recommendation-tracker", "Review", None).tables[0].rows
    assert row[2:] == ["Achieved", "Done"]
