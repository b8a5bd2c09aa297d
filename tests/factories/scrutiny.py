"""Factories for the scrutiny app: councils, people, committees, meetings, reports."""

import datetime as dt

import factory
from django.utils import timezone

from scrutiny import models as m


class AuthorityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Authority
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Council {n} Borough Council")
    short_name = factory.Sequence(lambda n: f"Council {n}")
    slug = factory.Sequence(lambda n: f"council-{n}")
    region = m.Region.SOUTH_EAST


class ServiceAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.ServiceArea

    authority = factory.SubFactory(AuthorityFactory)
    name = factory.Sequence(lambda n: f"Service area {n}")


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Team

    authority = factory.SubFactory(AuthorityFactory)
    name = factory.Sequence(lambda n: f"Team {n}")


class UserFactory(factory.django.DjangoModelFactory):
    """A signed-in person of a role; pass ``authorities=[...]`` to give them councils."""

    class Meta:
        model = m.User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Person {n}")
    role = m.Role.OFFICER
    password = factory.django.Password("pw")

    @factory.post_generation
    def authorities(self, create, extracted, **kwargs):
        if create and extracted:
            self.authorities.set(extracted)


class CommitteeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Committee

    authority = factory.SubFactory(AuthorityFactory)
    name = factory.Sequence(lambda n: f"Children's Services Overview and Scrutiny Committee {n}")
    slug = factory.Sequence(lambda n: f"childrens-services-{n}")


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Meeting

    committee = factory.SubFactory(CommitteeFactory)
    date = factory.Sequence(lambda n: dt.date(2015, 7, 21) + dt.timedelta(days=7 * n))
    start_time = dt.time(19, 0)
    venue = "Civic Offices"


class ReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Report

    authority = factory.SubFactory(AuthorityFactory)
    committee = factory.SubFactory(CommitteeFactory, authority=factory.SelfAttribute("..authority"))
    title = factory.Sequence(lambda n: f"Report {n}")
    report_date = dt.date(2015, 7, 10)

    class Params:
        published = factory.Trait(
            status=m.Report.Status.PUBLISHED, published_at=factory.LazyFunction(timezone.now)
        )


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Item {n}")
