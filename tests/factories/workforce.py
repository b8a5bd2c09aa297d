"""Factories for the workforce app."""

import datetime as dt

import factory

from scrutiny.models import Period
from workforce import models as m

from .scrutiny import AuthorityFactory


class RoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Role
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Role {n}")


class StaffingFigureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.StaffingFigure

    authority = factory.SubFactory(AuthorityFactory)
    role = factory.SubFactory(RoleFactory)
    as_at = dt.date(2015, 3, 31)
    period = factory.LazyAttribute(lambda o: Period.containing(o.as_at))
    basis = m.Basis.HEADCOUNT
    permanent = 40
    agency = 37
    total_reported = 77


class StaffMovementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.StaffMovement

    authority = factory.SubFactory(AuthorityFactory)
    staff_group = "Permanent qualified social workers and managers"
    date_from = dt.date(2014, 1, 1)
    date_to = dt.date(2015, 3, 31)
    starters = 22
    leavers = 14


class LeaverReasonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.LeaverReason

    movement = factory.SubFactory(StaffMovementFactory)
    order = factory.Sequence(lambda n: n + 1)
    reason = factory.Sequence(lambda n: f"Reason {n}")
    count = 1


class CaseloadFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Caseload

    authority = factory.SubFactory(AuthorityFactory)
    service = factory.Sequence(lambda n: f"Service {n}")
    period = factory.LazyFunction(lambda: Period.quarter(2014, 4))
    cases_held = 205
    case_holding_fte = 10


class TrainingCourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.TrainingCourse
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Course {n}")
    framework = "Signs of Safety"
    duration_days = 2


class TrainingCompletionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.TrainingCompletion

    authority = factory.SubFactory(AuthorityFactory)
    course = factory.SubFactory(TrainingCourseFactory)
    date_from = dt.date(2018, 9, 1)
    date_to = dt.date(2018, 11, 1)
    completed = 72


class TrainingCoverageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.TrainingCoverage

    authority = factory.SubFactory(AuthorityFactory)
    course = factory.SubFactory(TrainingCourseFactory)
    as_at = dt.date(2018, 6, 30)
    staff_group = "Children's services staff"
    reported_percent = 68
