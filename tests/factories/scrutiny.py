"""Factories for the scrutiny app: councils, people, committees, meetings, reports."""

import datetime as dt

import factory
from django.utils import timezone

from assurance import models as a
from committees import models as c
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
    """A signed-in person: ``role=`` and ``authorities=[...]`` give them that role in those
    councils; ``roles={council: role or [roles]}`` gives different roles in different
    councils; ``role="admin"`` makes the product's administrator (the superuser)."""

    class Meta:
        model = m.User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.django.Password("pw")

    @classmethod
    def _create(
        cls, model_class, *args, role=m.UserRole.OFFICER, authorities=(), roles=None, **kwargs
    ):
        if role == "admin":
            kwargs["is_superuser"] = True
        user = super()._create(model_class, *args, **kwargs)
        held = dict.fromkeys(authorities, role) | dict(roles or {})
        for authority, those in held.items():
            for each in [those] if isinstance(those, str) else those:
                m.CouncilRole.objects.get_or_create(
                    user=user,
                    authority=authority,
                    role=m.UserRole.COUNCIL_ADMIN if each == "admin" else each,
                )
        return user


class CommitteeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = c.Committee

    authority = factory.SubFactory(AuthorityFactory)
    name = factory.Sequence(lambda n: f"Children's Services Overview and Scrutiny Committee {n}")
    slug = factory.Sequence(lambda n: f"childrens-services-{n}")


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = c.Meeting

    committee = factory.SubFactory(CommitteeFactory)
    date = factory.Sequence(lambda n: dt.date(2015, 7, 21) + dt.timedelta(days=7 * n))
    start_time = dt.time(19, 0)
    venue = "Civic Offices"


class ReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = c.Report

    authority = factory.SubFactory(AuthorityFactory)
    committee = factory.SubFactory(CommitteeFactory, authority=factory.SelfAttribute("..authority"))
    title = factory.Sequence(lambda n: f"Report {n}")
    report_date = dt.date(2015, 7, 10)

    class Params:
        published = factory.Trait(
            status=c.Report.Status.PUBLISHED, published_at=factory.LazyFunction(timezone.now)
        )


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = c.AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Item {n}")


# Committee business and assurance (appended for the committee and assurance pages) ------


class CommitteeMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = c.CommitteeMembership

    committee = factory.SubFactory(CommitteeFactory)
    name = factory.Sequence(lambda n: f"Cllr Member {n}")
    role = c.CommitteeMembership.Role.MEMBER


class CouncillorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = c.Councillor

    authority = factory.SubFactory(AuthorityFactory)
    name = factory.Sequence(lambda n: f"Cllr Person {n}")
    slug = factory.Sequence(lambda n: f"person-{n}")


class FinancialImplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = c.FinancialImplication

    report = factory.SubFactory(ReportFactory)
    year = 1


class ReportSectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = c.ReportSection

    report = factory.SubFactory(ReportFactory)
    order = factory.Sequence(lambda n: n + 1)
    heading = factory.Sequence(lambda n: f"Section {n}")
    body = "<p>Narrative.</p>"


class BackgroundPaperFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = c.BackgroundPaper

    report = factory.SubFactory(ReportFactory)
    title = factory.Sequence(lambda n: f"Background paper {n}")
    location = "Civic Offices, Shute End"


class ComplaintCountFactory(factory.django.DjangoModelFactory):
    """Complaints for a team at a stage; ``period`` defaults to the 2014/15 financial year."""

    class Meta:
        model = a.ComplaintCount

    authority = factory.SubFactory(AuthorityFactory)
    team = factory.SubFactory(TeamFactory, authority=factory.SelfAttribute("..authority"))
    period = factory.LazyFunction(lambda: m.Period.year(2014))
    stage = a.ComplaintStage.STAGE_1
    count = 1


class ComplaintThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = a.ComplaintTheme

    authority = factory.SubFactory(AuthorityFactory)
    period = factory.LazyFunction(lambda: m.Period.year(2014))
    theme = factory.Sequence(lambda n: f"Theme {n}")
    context = "Some complaints were about this."
    action = "Training has been provided."


class ComplimentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = a.Compliment

    authority = factory.SubFactory(AuthorityFactory)
    team = factory.SubFactory(TeamFactory, authority=factory.SelfAttribute("..authority"))
    period = factory.LazyFunction(lambda: m.Period.year(2014))
    count = 1
    received_from = "Parents"
    about = "Support given"


class AuditFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = a.Audit

    authority = factory.SubFactory(AuthorityFactory)
    title = factory.Sequence(lambda n: f"Audit {n}")
    scope = "Children in need plans in place for more than 9 months"
    cases_audited = 14
    completed_on = dt.date(2012, 9, 30)


class AuditFindingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = a.AuditFinding

    audit = factory.SubFactory(AuditFactory)
    order = factory.Sequence(lambda n: n + 1)
    kind = a.AuditFinding.Kind.STRENGTH
    text = factory.Sequence(lambda n: f"Finding {n}")


class AuditActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = a.AuditAction

    audit = factory.SubFactory(AuditFactory)
    order = factory.Sequence(lambda n: n + 1)
    text = factory.Sequence(lambda n: f"Action {n}")


class InspectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = a.Inspection

    authority = factory.SubFactory(AuthorityFactory)
    service_inspected = factory.Sequence(lambda n: f"Inspected service {n}")
    start_date = dt.date(2012, 11, 12)


class InspectionJudgementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = a.InspectionJudgement

    inspection = factory.SubFactory(InspectionFactory)
    order = factory.Sequence(lambda n: n + 1)
    judgement = factory.Sequence(lambda n: f"Judgement {n}")
    grade = a.InspectionGrade.GOOD


class RecommendationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = c.Recommendation

    authority = factory.SubFactory(AuthorityFactory)
    source = "2013/14 Annual Review"
    rationale = factory.Sequence(lambda n: f"Rationale {n}")
    text = factory.Sequence(lambda n: f"Recommendation {n}")


class RecommendationUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = c.RecommendationUpdate

    recommendation = factory.SubFactory(RecommendationFactory)
    period = factory.LazyFunction(lambda: m.Period.year(2014))
    status = c.RecommendationUpdate.Status.IN_PROGRESS


class ContactVolumeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = a.ContactVolume

    authority = factory.SubFactory(AuthorityFactory)
    period = factory.LazyFunction(lambda: m.Period.month(2012, 11))
    channel = a.ContactChannel.PHONE
    count = 100


class ContactPurposeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = a.ContactPurpose

    authority = factory.SubFactory(AuthorityFactory)
    period = factory.LazyFunction(lambda: m.Period.month(2012, 11))
    channel = a.ContactChannel.PHONE
    purpose = factory.Sequence(lambda n: f"Purpose {n}")
    percent = 10


class DataQualityIssueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = a.DataQualityIssue

    authority = factory.SubFactory(AuthorityFactory)
    area = "Workforce"
    subject = factory.Sequence(lambda n: f"Issue {n}")
    description = "The total given does not match the sum of the rows."
