from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from . import models as m
from .admin_utils import register


@admin.register(m.User)
class ScrutinyUserAdmin(UserAdmin):
    list_display = ["username", "first_name", "last_name", "role", "is_active"]
    list_filter = ["role", "is_active", "is_superuser", "authorities"]
    fieldsets = [
        *UserAdmin.fieldsets,
        ("Role", {"fields": ["role", "job_title", "authorities", "service_areas"]}),
    ]
    filter_horizontal = ["authorities", "service_areas", "groups", "user_permissions"]


register(
    m.Authority,
    m.ServiceArea,
    m.Team,
    m.NeighbourSet,
    m.Period,
    inlines={
        m.Authority: [m.ServiceArea, m.Team],
        m.NeighbourSet: [m.NeighbourSetMember],
    },
)
