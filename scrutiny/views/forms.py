"""What every form page shares: the GOV.UK error summary built from Django's errors."""

from __future__ import annotations

from django import forms


def error_summary(*items) -> list[tuple[str, str]]:
    """(anchor, message) for every error of the forms and formsets given, in page order."""
    errors: list[tuple[str, str]] = []
    for item in items:
        if item is None:
            continue
        if isinstance(item, forms.BaseFormSet):
            for message in item.non_form_errors():
                errors.append(("#main-content", message))
            for form in item.forms:
                errors += error_summary(form)
            continue
        for name, messages in item.errors.items():
            if name == forms.forms.NON_FIELD_ERRORS:
                errors += [("#main-content", m) for m in messages]
                continue
            bound = item[name]
            anchor = bound.auto_id or f"id_{name}"
            if isinstance(bound.field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
                anchor = f"{anchor}_0" if bound.field.choices else anchor
            errors += [(f"#{anchor}", m) for m in messages]
    return errors
