from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from . import models as m
from .admin_utils import register


class CouncilRoleInline(admin.TabularInline):
    model = m.CouncilRole
    extra = 1
    autocomplete_fields = ["authority"]


@admin.register(m.User)
class ScrutinyUserAdmin(UserAdmin):
    list_display = ["username", "first_name", "last_name", "is_active"]
    list_filter = ["council_roles__role", "is_active", "is_superuser", "council_roles__authority"]
    fieldsets = [
        *UserAdmin.fieldsets,
        ("Work", {"fields": ["job_title", "service_areas"]}),
    ]
    filter_horizontal = ["service_areas", "groups", "user_permissions"]
    inlines = [CouncilRoleInline]


register(
    m.Authority,
    m.CouncilRole,
    m.ServiceArea,
    m.Team,
    m.NeighbourSet,
    m.Period,
    inlines={
        m.Authority: [m.ServiceArea, m.Team],
        m.NeighbourSet: [m.NeighbourSetMember],
    },
)
