from scrutiny.admin_utils import register

from . import models as m

register(
    m.Indicator,
    m.IndicatorValue,
    m.Target,
    m.ComparatorValue,
    m.PracticeScorecard,
    m.PracticeScore,
    inlines={m.PracticeScorecard: [m.PracticeAspect]},
)
