"""Words a reader noticed: the changes page names figures as the return's form does, and the
banner after saving a section never repeats the section's last word."""

import pytest

from scrutiny.blocks.registry import block_type
from tests.factories.returns import section_post

pytestmark = pytest.mark.django_db

BASE = "/wokingham/returns/2014-15-q4/"


def test_the_changes_page_uses_the_forms_words_not_internal_field_names(as_user, draft, officer):
    client = as_user(officer)
    cells = {("Social workers", "permanent"): "10", ("Social workers", "total_reported"): "10"}
    client.post(BASE + "workforce/", section_post(draft, "workforce", cells))
    page = client.get(BASE + "changes/").content.decode()
    assert "Total in post for Social workers as 10" in page
    assert "Total reported" not in page


def test_the_banner_after_saving_names_the_section_then_what_happened(as_user, draft, officer):
    client = as_user(officer)
    cells = {("Social workers", "permanent"): "10"}
    response = client.post(
        BASE + "workforce/", section_post(draft, "workforce", cells), follow=True
    )
    assert "Workforce by role: your changes are saved" in response.content.decode()


@pytest.mark.parametrize(
    ("key", "prompt"),
    [("indicator-chart", "Choose an indicator"), ("indicator-table", "Choose a period")],
)
def test_a_data_blocks_prompt_takes_the_right_article(key, prompt):
    assert block_type(key).choose == prompt
