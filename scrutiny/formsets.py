"""GOV.UK's "Add another" pattern for a Django formset, working without JavaScript.

The page's "Add another ..." button is a submit button named ``add-<prefix>``: the view
shows the posted formset again with one more blank row, saving nothing and keeping all
that was typed. The set-up's teams page and the return's sections both use it.
"""

from __future__ import annotations

# More blank rows than this in one go is a tampered post, not an officer.
MOST_ROWS = 200


def add_another_pressed(data, prefix: str) -> bool:
    """Was the "Add another" button of the formset ``prefix`` pressed?"""
    return f"add-{prefix}" in data


def posted_row_count(data, prefix: str) -> int:
    """The number of rows the post says it holds (0 for a missing or tampered count)."""
    text = str(data.get(f"{prefix}-TOTAL_FORMS") or "").strip()
    return min(int(text), MOST_ROWS) if text.isdigit() and len(text) < 6 else 0


def with_one_more_row(data, prefix: str):
    """The posted formset again with one more blank row: nothing saved, nothing lost."""
    data = data.copy()
    data[f"{prefix}-TOTAL_FORMS"] = str(min(posted_row_count(data, prefix) + 1, MOST_ROWS))
    return data
