"""A return section's page as a table: the presentation half of ``SectionEntry``."""

from __future__ import annotations

from decimal import Decimal

from scrutiny.formatting import figure

from .forms import Cell, TableRow


class SectionTable:
    """How a section's formset is laid out as the paper's table: each row's boxes with last
    quarter's and last year's figures beside them (a mixin of ``SectionEntry``)."""

    def table(self) -> list[TableRow]:
        rows = []
        for row_form, row in zip(self.formset.forms, self.rows, strict=False):
            key = str(row_form["key"].value())
            shown = self.row_by_key.get(key, row)
            table_row = TableRow(
                label=shown.label, form=row_form, editable=shown.key not in self.locked_keys
            )
            for column in self.columns:
                parts = [row_form[name] for name in column.field_names]
                table_row.cells.append(
                    Cell(
                        label=column.label,
                        field=parts[0],
                        previous=column.shown(self.previous.get(shown.key, {}).get(column.name)),
                        last_year=column.shown(self.last_year.get(shown.key, {}).get(column.name)),
                        column=column,
                        parts=parts,
                        shown=column.shown(self.current.get(shown.key, {}).get(column.name)),
                    )
                )
            if self.show_total:
                known = [
                    v for v in self.values.get(shown.key, {}).values() if isinstance(v, Decimal)
                ]
                table_row.total = figure(sum(known, Decimal(0))) if known else ""
            rows.append(table_row)
        return rows

    @property
    def period_labels(self) -> dict[str, str]:
        number = self.period.number or 1
        previous = (
            f"Q4 {self.period.start_year - 1}/{self.period.start_year % 100:02d}"
            if number == 1
            else f"Q{number - 1} {self.period.year_label}"
        )
        last_year = f"Q{number} {self.period.start_year - 1}/{self.period.start_year % 100:02d}"
        return {"previous": previous, "last_year": last_year}
