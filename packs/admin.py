"""Admin for render jobs (to read) and cover letters (edited with the same checks as the page)."""

from django.contrib import admin

from .forms import CoverLetterForm
from .models import CoverLetter, RenderJob


@admin.register(CoverLetter)
class CoverLetterAdmin(admin.ModelAdmin):
    form = CoverLetterForm
    fields = ["authority", *CoverLetterForm.Meta.fields]
    list_display = ["__str__", "authority", "signatory", "updated_at"]
    list_filter = ["authority"]
    search_fields = ["authority__name", "signatory", "pack_text"]


@admin.register(RenderJob)
class RenderJobAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "state", "authority", "pages_total", "created_at"]
    list_filter = ["kind", "state", "authority"]
    search_fields = ["filename", "error", "input_hash"]
    raw_id_fields = ["meeting", "report", "requested_by"]
    readonly_fields = [f.name for f in RenderJob._meta.fields if f.name != "id"]
