"""Ships the national indicator catalogue; reads each indicator's free-text basis as a
coverage (the text stays in ``basis`` as a note unless it said no more than the choice);
and records that a council reports each national indicator it already has figures for."""

from django.db import migrations


def forwards(apps, schema_editor):
    from scorecards.catalogue import coverage_from, load_catalogue

    Indicator = apps.get_model("scorecards", "Indicator")
    ReportedIndicator = apps.get_model("scorecards", "ReportedIndicator")
    IndicatorValue = apps.get_model("scorecards", "IndicatorValue")
    labels = {
        "snapshot": "snapshot at a date",
        "quarter": "the quarter",
        "year-to-date": "year to date",
        "rolling-12": "rolling 12 months",
        "financial-year": "financial year",
    }
    for indicator in Indicator.objects.filter(coverage=""):
        coverage = coverage_from(indicator.basis)
        if not coverage:
            continue
        indicator.coverage = coverage
        if indicator.basis.strip().lower() == labels[coverage]:
            indicator.basis = ""  # it said no more than the choice now says
        indicator.save(update_fields=["coverage", "basis"])
    load_catalogue(Indicator)
    pairs = (
        IndicatorValue.objects.filter(indicator__is_local=False)
        .values_list("authority_id", "indicator_id")
        .distinct()
    )
    ReportedIndicator.objects.bulk_create(
        [ReportedIndicator(authority_id=a, indicator_id=i) for a, i in pairs],
        ignore_conflicts=True,
    )


class Migration(migrations.Migration):
    dependencies = [("scorecards", "0003_catalogue_coverage_close_polarity_reported_indicators")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
