"""Every existing seat gets its councillor: one per council and printed name, carrying the
seat's sign-in if it had one. Nothing on the seat changes, so reversing only unlinks."""

from django.db import migrations

from committees.models.councillors import councillor_slug


def seats_to_councillors(apps, schema_editor):
    Councillor = apps.get_model("committees", "Councillor")
    Membership = apps.get_model("committees", "CommitteeMembership")
    for seat in Membership.objects.select_related("committee").order_by("pk"):
        councillor, _ = Councillor.objects.get_or_create(
            authority_id=seat.committee.authority_id,
            slug=councillor_slug(seat.name),
            defaults={"name": seat.name},
        )
        if seat.user_id and not councillor.user_id:
            councillor.user_id = seat.user_id
            councillor.save(update_fields=["user"])
        seat.councillor = councillor
        seat.save(update_fields=["councillor"])


def unlink(apps, schema_editor):
    apps.get_model("committees", "CommitteeMembership").objects.update(councillor=None)


class Migration(migrations.Migration):
    dependencies = [("committees", "0002_councillors")]
    operations = [migrations.RunPython(seats_to_councillors, unlink)]
