"""Factories for the programmes app: programmes, workstreams, projects and their logs."""

import datetime as dt

import factory

from programmes import models as m
from scrutiny.models import Period

from .scrutiny import AuthorityFactory


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Programme

    authority = factory.SubFactory(AuthorityFactory)
    name = factory.Sequence(lambda n: f"Programme {n}")
    slug = factory.Sequence(lambda n: f"programme-{n}")
    kind = m.Programme.Kind.PARTNERS_IN_PRACTICE
    funder = "Department for Education"
    start_date = dt.date(2017, 4, 1)
    end_date = dt.date(2020, 3, 31)


class WorkstreamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Workstream

    programme = factory.SubFactory(ProgrammeFactory)
    order = factory.Sequence(lambda n: n + 1)
    name = factory.Sequence(lambda n: f"Workstream {n}")


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Project

    programme = factory.SubFactory(ProgrammeFactory)
    number = factory.Sequence(lambda n: n + 1)
    name = factory.Sequence(lambda n: f"Project {n}")


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Milestone

    programme = factory.SubFactory(ProgrammeFactory)
    kind = m.Milestone.Kind.NEXT_STEP
    order = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Milestone {n}")


class ProgressUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.ProgressUpdate

    programme = factory.SubFactory(ProgrammeFactory)
    period = factory.LazyFunction(lambda: Period.quarter(2014, 4))
    order = factory.Sequence(lambda n: n + 1)
    theme = factory.Sequence(lambda n: f"Theme {n}")


class ProgressMetricFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.ProgressMetric

    programme = factory.SubFactory(ProgrammeFactory)
    order = factory.Sequence(lambda n: n + 1)
    description = factory.Sequence(lambda n: f"Metric {n}")
    value = 1120


class RiskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Risk

    programme = factory.SubFactory(ProgrammeFactory)
    title = factory.Sequence(lambda n: f"Risk {n}")
    likelihood = 3
    impact = 4
