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
