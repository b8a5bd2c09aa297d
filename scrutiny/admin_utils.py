"""Builds a searchable, filterable admin for a model from its fields.

Each app registers its models through ``register`` so every model is in the admin with
sensible list columns, filters and search without a hand-written ModelAdmin per model.
"""

from collections.abc import Iterable

from django.contrib import admin
from django.db import models
from simple_history.admin import SimpleHistoryAdmin

FILTERABLE = (models.BooleanField, models.ForeignKey)
SEARCHABLE = (models.CharField, models.TextField, models.SlugField, models.EmailField)


def _fields(model: type[models.Model]) -> list[models.Field]:
    return [f for f in model._meta.get_fields() if f.concrete and not f.auto_created]


def build_admin(
    model: type[models.Model], inlines: Iterable[type[models.Model]] = ()
) -> type[admin.ModelAdmin]:
    fields = _fields(model)
    display = ["__str__"]
    filters: list[str] = []
    search: list[str] = []
    raw_id: list[str] = []
    for field in fields:
        if field.choices or isinstance(field, models.BooleanField):
            filters.append(field.name)
            if len(display) < 6:
                display.append(field.name)
        elif isinstance(field, models.ForeignKey):
            related = field.related_model._meta.model_name
            if related in {"authority", "period", "committee", "programme", "indicator", "role"}:
                filters.append(field.name)
                if len(display) < 6:
                    display.append(field.name)
            elif related in {"user", "report"}:
                raw_id.append(field.name)
        elif isinstance(field, SEARCHABLE) and len(search) < 4:
            search.append(field.name)
        elif (
            isinstance(field, models.DateField | models.PositiveIntegerField | models.DecimalField)
            and len(display) < 6
        ):
            display.append(field.name)

    if not search:
        # Rows with no text of their own are found through what they belong to.
        search = [
            f"{f.name}__name"
            for f in fields
            if isinstance(f, models.ForeignKey)
            and any(rf.name == "name" for rf in f.related_model._meta.get_fields())
        ][:4]
    if not search:
        # ...or through what that belongs to (a meeting's minutes, by its committee's name).
        search = [
            f"{f.name}__{g.name}__name"
            for f in fields
            if isinstance(f, models.ForeignKey)
            for g in f.related_model._meta.get_fields()
            if isinstance(g, models.ForeignKey)
            and any(rf.name == "name" for rf in g.related_model._meta.get_fields())
        ][:4]
    if not search:
        search = [f"={f.name}" for f in fields if isinstance(f, models.IntegerField)][:2]

    inline_classes = [
        type(
            f"{child.__name__}Inline",
            (admin.TabularInline,),
            {"model": child, "extra": 0, "show_change_link": True},
        )
        for child in inlines
    ]
    base = SimpleHistoryAdmin if hasattr(model, "history") else admin.ModelAdmin
    return type(
        f"{model.__name__}Admin",
        (base,),
        {
            "list_display": display,
            "list_filter": filters,
            "search_fields": search,
            "raw_id_fields": raw_id,
            "inlines": inline_classes,
            "list_select_related": True,
            "show_full_result_count": False,
        },
    )


def register(*models_: type[models.Model], inlines: dict | None = None) -> None:
    inlines = inlines or {}
    for model in models_:
        admin.site.register(model, build_admin(model, inlines.get(model, ())))
