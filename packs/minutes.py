"""The minutes of a meeting as a PDF in the committee style (the page is committees'; the
layout, as for every document the product prints, is the packs')."""

from __future__ import annotations

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.views import View

from committees.views.minutes import record_for
from scrutiny.views.generic import AuthorityMixin

from .fetcher import site_origin
from .render import layout, write_pdf


class MinutesPdfView(AuthorityMixin, View):
    """The minutes as a PDF in the committee style, laid out for this reader."""

    public = True

    def get(self, request, *args, **kwargs):
        context = record_for(self)
        meeting = context["meeting"]
        title = f"Minutes of {meeting}"
        html = render_to_string(
            "committees/minutes/minutes_pdf.html",
            {**context, "authority": self.authority, "title": title, "site": site_origin()},
        )
        pdf = write_pdf(layout(html), title)
        response = HttpResponse(pdf, content_type="application/pdf")
        name = f"minutes-{meeting.committee.slug}-{meeting.date:%Y-%m-%d}.pdf"
        response["Content-Disposition"] = f'inline; filename="{name}"'
        response["Cache-Control"] = "private, no-store"
        return response
