"""Declarative list and detail views shared by every app (after NetBox's object views).

A concrete view names its ``queryset``, ``table_class`` and ``filterset_class`` (lists) or
its ``queryset``, ``fields`` and ``related`` tables (details); the base classes scope rows to
the council in the URL and check the reader's permission on every request.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin, Table

from scrutiny.models import Authority

from ..formatting import readable
from ..permissions import can_view_data


class AuthorityMixin:
    """Resolves ``<authority>`` from the URL and requires the reader may see its figures."""

    public = False  # True for pages the public may read (published committee material)
    # Beyond reading the council's figures, what the page needs (writing reports, clerking).
    permission = staticmethod(can_view_data)

    def dispatch(self, request, *args, **kwargs):
        self.authority = get_object_or_404(Authority, slug=kwargs["authority"], is_active=True)
        request.authority = self.authority
        if not self.public and not can_view_data(request.user, self.authority):
            if not request.user.is_authenticated:
                from django.contrib.auth.views import redirect_to_login

                return redirect_to_login(request.get_full_path())
            raise PermissionDenied("You do not have access to this council's figures.")
        needs_more = self.permission is not can_view_data  # that one was just asked
        if not self.public and needs_more and not self.permission(request.user, self.authority):
            raise PermissionDenied("Your role does not include this.")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["authority"] = self.authority
        return context


class ObjectListView(AuthorityMixin, SingleTableMixin, FilterView):
    """A filterable, sortable GOV.UK table of one council's rows of a model."""

    template_name = "generic/object_list.html"
    title = ""
    intro = ""
    authority_field = "authority"
    per_page = 50

    def get_paginate_by(self, table_data) -> None:
        # The table paginates (one COUNT); the ListView must not paginate the queryset again.
        return None

    def get_table_pagination(self, table) -> dict:
        return {"per_page": self.per_page}

    def base_queryset(self) -> QuerySet:
        """Every council's rows; a view whose rows depend on the reader (Part 2 material)
        returns its selector's rows for ``self.request.user`` instead."""
        return super().get_queryset()

    def get_queryset(self) -> QuerySet:
        qs = self.base_queryset().filter(**{self.authority_field: self.authority})
        # Rows link to URLs that name the council; fetch it with the rows, not once per row.
        return qs.select_related(self.authority_field.removesuffix("__id"))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = self.title or self.model._meta.verbose_name_plural.capitalize()
        context["intro"] = self.intro
        return context


@dataclass
class Related:
    """A table of rows related to a detail page's object."""

    title: str
    table_class: type[Table]
    rows: Callable[[Any], Any]
    empty_text: str = "None recorded."


class ObjectDetailView(AuthorityMixin, DetailView):
    """A summary list of one object's fields and tables of what hangs off it."""

    template_name = "generic/object_detail.html"
    authority_field = "authority"
    fields: list[str] = []
    related: list[Related] = []

    def base_queryset(self) -> QuerySet:
        """As ``ObjectListView.base_queryset``."""
        return super().get_queryset()

    def get_queryset(self) -> QuerySet:
        return self.base_queryset().filter(**{self.authority_field: self.authority})

    def summary_rows(self, obj) -> list[tuple[str, Any]]:
        rows = []
        for name in self.fields:
            field = obj._meta.get_field(name)
            display = getattr(obj, f"get_{name}_display", None)
            value = display() if display else getattr(obj, name)
            rows.append((str(field.verbose_name).capitalize(), readable(value)))
        return rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        obj = context["object"]
        context["summary_rows"] = self.summary_rows(obj)
        tables = []
        for related in self.related:
            table = related.table_class(
                related.rows(obj), orderable=False, empty_text=related.empty_text
            )
            tables.append((related.title, table))
        context["related_tables"] = tables
        return context
