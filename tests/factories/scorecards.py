"""Factories for the scorecards app: indicators, their values, targets, practice scorecards."""

import datetime as dt

import factory

from scorecards import models as m
from scrutiny.models import Period

from .scrutiny import AuthorityFactory


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Indicator
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"indicator-{n}")
    name = factory.Sequence(lambda n: f"Indicator {n}")
    definition = "What the indicator counts."
    area = m.Indicator.Area.FRONT_DOOR
    unit = m.Indicator.Unit.PERCENT
    polarity = m.Indicator.Polarity.HIGHER
    decimals = 1


class IndicatorValueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.IndicatorValue

    indicator = factory.SubFactory(IndicatorFactory)
    authority = factory.SubFactory(AuthorityFactory)
    period = factory.LazyFunction(lambda: Period.month(2015, 2))
    reported_value = 97.2


class TargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Target

    indicator = factory.SubFactory(IndicatorFactory)
    authority = factory.SubFactory(AuthorityFactory)
    period = factory.LazyFunction(lambda: Period.year(2014))
    value = 16


class ComparatorValueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.ComparatorValue

    indicator = factory.SubFactory(IndicatorFactory)
    period = factory.LazyFunction(lambda: Period.year(2014))
    kind = m.ComparatorValue.Kind.ENGLAND
    value = 50


class PracticeScorecardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.PracticeScorecard

    authority = factory.SubFactory(AuthorityFactory)
    name = factory.Sequence(lambda n: f"Signs of Safety score card {n}")
    framework = "Signs of Safety"


class PracticeAspectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.PracticeAspect

    scorecard = factory.SubFactory(PracticeScorecardFactory)
    order = factory.Sequence(lambda n: n + 1)
    name = factory.Sequence(lambda n: f"Aspect {n}")


class PracticeScoreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.PracticeScore

    aspect = factory.SubFactory(PracticeAspectFactory)
    assessed_on = dt.date(2016, 11, 30)
    period = factory.LazyAttribute(lambda o: Period.containing(o.assessed_on))
    score = 5


def first_age_band() -> m.BreakdownCategory:
    """The first age band as the migrations ship it, shipped again if a transactional test
    flushed it away (see the ``breakdown_lists`` fixture)."""
    found = m.BreakdownCategory.objects.filter(breakdown__code="age-band", code="under-1").first()
    if found is None:
        from scorecards.breakdowns.catalogue import load_breakdowns

        load_breakdowns(m.Breakdown, m.BreakdownCategory)
        found = m.BreakdownCategory.objects.get(breakdown__code="age-band", code="under-1")
    return found


class BreakdownValueFactory(factory.django.DjangoModelFactory):
    """A figure for one group (by default the first age band, as the migrations ship it)."""

    class Meta:
        model = m.BreakdownValue

    indicator = factory.SubFactory(IndicatorFactory)
    authority = factory.SubFactory(AuthorityFactory)
    period = factory.LazyFunction(lambda: Period.quarter(2014, 4))
    category = factory.LazyFunction(first_age_band)
    reported_value = 12
