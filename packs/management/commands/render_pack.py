"""``python manage.py render_pack MEETING --output PATH [--confidential] [--supplementary]``."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from committees.models import Meeting
from packs.documents import pack_source
from packs.models import RenderJob
from packs.render import render

Kind = RenderJob.Kind


class Command(BaseCommand):
    """Builds a meeting's agenda pack from the command line, in this process."""

    help = (
        "Build a meeting's agenda pack (public unless told otherwise) as one PDF and write it "
        "to PATH. MEETING is the meeting's id, as in /<council>/meetings/<id>/."
    )

    def add_arguments(self, parser):
        parser.add_argument("meeting", type=int)
        parser.add_argument("--output", required=True, type=Path)
        group = parser.add_mutually_exclusive_group()
        group.add_argument(
            "--confidential",
            action="store_true",
            help="Include Part 2 items (not for publication).",
        )
        group.add_argument(
            "--supplementary", action="store_true", help="Only items added after publication."
        )

    def handle(self, *args, meeting, output, confidential, supplementary, **options):
        found = Meeting.objects.filter(pk=meeting).first()
        if found is None:
            raise CommandError(f"There is no meeting {meeting}.")
        kind = Kind.PUBLIC_PACK
        if confidential:
            kind = Kind.CONFIDENTIAL_PACK
        elif supplementary:
            kind = Kind.SUPPLEMENTARY_PACK
        source = pack_source(found, kind)
        if not source.items:
            raise CommandError(f"{found} has no items for a {Kind(kind).label.lower()}.")
        output.parent.mkdir(parents=True, exist_ok=True)
        result = render(source, target=output)
        ranges = ", ".join(f"item {n}: pages {a}-{b}" for n, (a, b) in result.ranges.items())
        self.stdout.write(
            self.style.SUCCESS(f"Wrote {output} ({result.pages} pages; {ranges or 'no reports'}).")
        )
