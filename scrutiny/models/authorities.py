"""Councils, their service areas and teams, and their statistical neighbours."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse


class Region(models.TextChoices):
    NORTH_EAST = "north-east", "North East"
    NORTH_WEST = "north-west", "North West"
    YORKSHIRE = "yorkshire-humber", "Yorkshire and The Humber"
    EAST_MIDLANDS = "east-midlands", "East Midlands"
    WEST_MIDLANDS = "west-midlands", "West Midlands"
    EAST = "east", "East of England"
    LONDON = "london", "London"
    SOUTH_EAST = "south-east", "South East"
    SOUTH_WEST = "south-west", "South West"


class Authority(models.Model):
    """An English local authority with children's services responsibilities."""

    name = models.CharField(max_length=120, unique=True)
    short_name = models.CharField(max_length=60)
    slug = models.SlugField(max_length=60, unique=True)
    la_code = models.CharField(
        "DfE LA code", max_length=3, blank=True, help_text="Three-digit DfE local authority code."
    )
    region = models.CharField(max_length=20, choices=Region.choices)
    is_active = models.BooleanField(
        default=True, help_text="Uses this service. Inactive councils are comparators only."
    )
    address = models.TextField(blank=True)
    telephone = models.CharField(max_length=40, blank=True)
    email = models.EmailField(blank=True)
    website = models.URLField(blank=True)
    chief_executive = models.CharField(max_length=120, blank=True)
    director_of_childrens_services = models.CharField(max_length=120, blank=True)

    # What a council says about itself (set-up's details step, the demo's fixtures); the
    # slug is not among them, since every address of the council is built on it.
    DETAIL_FIELDS = (
        "name",
        "short_name",
        "la_code",
        "region",
        "address",
        "telephone",
        "email",
        "website",
        "chief_executive",
        "director_of_childrens_services",
    )

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "authorities"
        constraints = [
            models.UniqueConstraint(
                fields=["la_code"], condition=~Q(la_code=""), name="authority_unique_la_code"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("committees:authority_home", kwargs={"authority": self.slug})


class ServiceArea(models.Model):
    """A division of a council's children's services (social care, early help, ...)."""

    authority = models.ForeignKey(Authority, on_delete=models.CASCADE, related_name="service_areas")
    name = models.CharField(max_length=120)

    class Meta:
        ordering = ["authority", "name"]
        constraints = [
            models.UniqueConstraint(fields=["authority", "name"], name="service_area_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Team(models.Model):
    """A team within a council, the unit complaints, caseloads and compliments are counted by."""

    authority = models.ForeignKey(Authority, on_delete=models.CASCADE, related_name="teams")
    service_area = models.ForeignKey(
        ServiceArea, on_delete=models.SET_NULL, null=True, blank=True, related_name="teams"
    )
    name = models.CharField(max_length=120)
    short_name = models.CharField(
        max_length=60, blank=True, help_text="The name tables use, e.g. 'R and A'."
    )
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["authority", "name"]
        constraints = [models.UniqueConstraint(fields=["authority", "name"], name="team_unique")]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.service_area_id and self.service_area.authority_id != self.authority_id:
            raise ValidationError({"service_area": "Choose a service area of the same council."})


class NeighbourSet(models.Model):
    """A council's statistical neighbours as published for one financial year (versioned)."""

    authority = models.ForeignKey(
        Authority, on_delete=models.CASCADE, related_name="neighbour_sets"
    )
    start_year = models.PositiveSmallIntegerField(help_text="Financial year the list applies from.")
    source = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["authority", "-start_year"]
        constraints = [
            models.UniqueConstraint(fields=["authority", "start_year"], name="neighbour_set_unique")
        ]

    def __str__(self) -> str:
        return f"{self.authority.short_name} neighbours from {self.start_year}"


class NeighbourSetMember(models.Model):
    """One statistical neighbour in a neighbour set, ranked by closeness."""

    neighbour_set = models.ForeignKey(
        NeighbourSet, on_delete=models.CASCADE, related_name="members"
    )
    neighbour = models.ForeignKey(Authority, on_delete=models.PROTECT, related_name="+")
    rank = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["neighbour_set", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["neighbour_set", "neighbour"], name="neighbour_once"),
            models.UniqueConstraint(fields=["neighbour_set", "rank"], name="neighbour_rank_once"),
            models.CheckConstraint(condition=Q(rank__gte=1), name="neighbour_rank_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.rank}. {self.neighbour}"

    def clean(self) -> None:
        if self.neighbour_id and self.neighbour_id == self.neighbour_set.authority_id:
            raise ValidationError({"neighbour": "A council is not its own neighbour."})
