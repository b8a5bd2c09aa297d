"""sitemap.xml: the public pages only, listed as an anonymous visitor would find them.

Search engines share what they index with everyone, so nothing here depends on who asks:
councils, committees, meetings with a published agenda and published open reports.
"""

from django.contrib.sitemaps import Sitemap

from committees.feeds import public_reader
from committees.models import Committee, Meeting, Report
from scrutiny.models import Authority
from scrutiny.permissions import reports_visible_to


class AuthoritySitemap(Sitemap):
    """Each council's front page."""

    def items(self):
        return Authority.objects.filter(is_active=True).order_by("slug")


class CommitteeSitemap(Sitemap):
    """Each committee's page: remit, members and meetings."""

    def items(self):
        return (
            Committee.objects.filter(authority__is_active=True)
            .select_related("authority")
            .order_by("authority__slug", "slug")
        )


class MeetingSitemap(Sitemap):
    """Meetings whose agenda is open to public inspection."""

    def items(self):
        return (
            Meeting.objects.filter(
                committee__authority__is_active=True, agenda_published_at__isnull=False
            )
            .select_related("committee__authority")
            .order_by("pk")
        )

    def lastmod(self, meeting: Meeting):
        return meeting.agenda_published_at


class ReportSitemap(Sitemap):
    """Published reports the public may read (never a Part 2 one), the current version only:
    a replaced version stays readable but is not offered to search engines."""

    def items(self):
        return (
            reports_visible_to(public_reader(), Report.objects.current())
            .filter(authority__is_active=True)
            .select_related("authority")
            .order_by("pk")
        )

    def lastmod(self, report: Report):
        return report.published_at


SITEMAPS = {
    "councils": AuthoritySitemap,
    "committees": CommitteeSitemap,
    "meetings": MeetingSitemap,
    "reports": ReportSitemap,
}
