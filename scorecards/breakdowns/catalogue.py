"""The breakdowns and their groups, under the Department for Education's published category
names (children looked after in England, children in need). A group's code is its slug; its
name is what the DfE prints, and what ``import_statistics`` matches a characteristic to."""

from __future__ import annotations

BREAKDOWNS = [
    # (code, name, characteristic_type, tidy column, groups)
    (
        "age-band",
        "Age band",
        "Age group",
        "age_band",
        ["Under 1", "1 to 4", "5 to 9", "10 to 15", "16 and over"],
    ),
    ("gender", "Gender", "Gender", "gender", ["Male", "Female"]),
    (
        "ethnicity",
        "Ethnicity",
        "Ethnicity",
        "ethnicity",
        [
            "White",
            "Mixed or Multiple ethnic groups",
            "Asian or Asian British",
            "Black, African, Caribbean or Black British",
            "Other ethnic group",
            "Refused or information not yet available",
        ],
    ),
    (
        "placement-type",
        "Placement type",
        "Placement",
        "placement_type",
        [
            "Foster placements",
            "Placed for adoption",
            "Placement with parents or other person with parental responsibility",
            "Other placements in the community",
            "Secure units, children's homes and semi-independent living accommodation",
            "Other residential settings",
            "Residential schools",
            "Other placements",
        ],
    ),
    (
        "legal-status",
        "Legal status",
        "Legal status",
        "legal_status",
        [
            "Interim care orders",
            "Full care orders",
            "Placement order granted",
            "Voluntary agreements under S20",
            "Detained for child protection",
            "Youth justice legal statuses",
        ],
    ),
]


def slug(name: str) -> str:
    kept = "".join(c if c.isalnum() else "-" for c in name.lower())
    return "-".join(part for part in kept.split("-") if part)[:60]


def load_breakdowns(Breakdown, Category) -> None:
    """Write the controlled lists (the migration passes its historical models)."""
    for order, (code, name, characteristic_type, column, groups) in enumerate(BREAKDOWNS):
        breakdown, _ = Breakdown.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "characteristic_type": characteristic_type,
                "column": column,
                "order": order,
            },
        )
        for n, group in enumerate(groups):
            Category.objects.update_or_create(
                breakdown=breakdown, code=slug(group), defaults={"name": group, "order": n}
            )
