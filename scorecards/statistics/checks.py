"""Reading and checking a statistics file with pandas: nothing here writes."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

import pandas as pd

from scrutiny.models import Region
from scrutiny.opendata import FORMULA_STARTS

from ..importers import ImportProblem, ImportResult
from ..models import Indicator

MAX_BYTES = 30_000_000
MAX_ROWS = 200_000
GEOGRAPHY = (
    "time_period",
    "time_identifier",
    "geographic_level",
    "country_code",
    "region_code",
    "new_la_code",
    "la_name",
)
OPTIONAL_GEOGRAPHY = ("country_name", "region_name", "old_la_code")
SUPPRESSED = frozenset("cxzku")
TOTAL = "Total"
IMPORTED_BASIS = "Published statistics (imported)"
ENGLAND_CODE = "E92000001"
# ONS codes of the nine English regions.
REGION_CODES = {
    "E12000001": Region.NORTH_EAST,
    "E12000002": Region.NORTH_WEST,
    "E12000003": Region.YORKSHIRE,
    "E12000004": Region.EAST_MIDLANDS,
    "E12000005": Region.WEST_MIDLANDS,
    "E12000006": Region.EAST,
    "E12000007": Region.LONDON,
    "E12000008": Region.SOUTH_EAST,
    "E12000009": Region.SOUTH_WEST,
}
LEVELS = {"National": "england", "Regional": "region", "Local authority": "authority"}
# Breakdown columns the statistics service uses; a row is loaded when all of them say Total.
BREAKDOWNS = frozenset(
    {
        "breakdown",
        "breakdown_topic",
        "characteristic",
        "characteristic_type",
        "age",
        "age_band",
        "age_group",
        "gender",
        "sex",
        "ethnicity",
        "placement_type",
        "legal_status",
        "cla_group",
        "cin_group",
        "social_worker_group",
    }
)
# Per publication: its columns that are not named after a catalogue code, and what they are.
PUBLICATIONS: dict[str, dict[str, str]] = {
    "characteristics-of-children-in-need": {
        "rate_per_10000_cin": "cin-rate",
        "rate_per_10000_cpp": "cpp-rate",
        "re_referrals_pc": "re-referrals",
        "repeat_cpp_pc": "repeat-cpp",
    },
    "children-looked-after-in-england": {"rate_per_10000_cla": "cla-rate"},
}
_NUMBER = r"^\d{1,8}(\.\d{1,4})?$"


@dataclass
class StatisticsResult(ImportResult):
    """What an import did, or the problems that stopped it, with what a publication adds."""

    breakdown_rows: int = 0
    suppressed: int = 0
    kept: int = 0
    councils_created: list[str] = field(default_factory=list)
    neighbour_averages: int = 0
    group_figures: int = 0

    @property
    def summary(self) -> str:
        return (
            f"{self.rows} rows read ({self.breakdown_rows} breakdown rows, "
            f"{self.group_figures} figures by group stored from them); "
            f"{self.created} figures created, {self.updated} updated, {self.unchanged} "
            f"unchanged, {self.kept} kept as the council entered them; {self.suppressed} "
            f"suppressed cells left suppressed; {len(self.councils_created)} councils added "
            f"as comparators; {self.neighbour_averages} neighbour averages."
        )


def source_label(filename: str) -> str:
    """The source a figure says it came from: illustrative files never claim to be DfE's."""
    if "illustrative" in filename.lower():
        return f"ILLUSTRATIVE figures, not published by the Department for Education ({filename})"
    return f"Published statistics: {filename}"[:300]


def read_frame(data: bytes) -> tuple[pd.DataFrame | None, list[ImportProblem]]:
    if len(data) > MAX_BYTES:
        return None, [ImportProblem(None, "", f"The file is larger than {MAX_BYTES:,} bytes.")]
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return None, [
            ImportProblem(
                None, "", f"The file is not UTF-8 (byte {error.start + 1}): save it as CSV UTF-8."
            )
        ]
    try:
        frame = pd.read_csv(
            io.BytesIO(data), dtype=str, keep_default_na=False, encoding="utf-8-sig"
        )
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError) as error:
        return None, [ImportProblem(None, "", f"The file cannot be read as CSV ({error}).")]
    if len(frame) > MAX_ROWS:
        return None, [ImportProblem(None, "", f"The file has more than {MAX_ROWS:,} rows.")]
    if frame.empty:
        return None, [ImportProblem(None, "", "The file has a heading row but no figures.")]
    frame.columns = [str(name).strip().lower() for name in frame.columns]
    return frame.apply(lambda column: column.str.strip()), []


def indicator_columns(
    names: list[str], publication: str | None
) -> tuple[dict[str, Indicator], list[str], list[ImportProblem]]:
    """Which columns are indicators (column -> Indicator) and which are breakdowns."""
    problems = [
        ImportProblem(1, name, "This column is missing.") for name in GEOGRAPHY if name not in names
    ]
    problems += [
        ImportProblem(1, name, "This column is given twice.")
        for name in dict.fromkeys(n for n in names if names.count(n) > 1)
    ]
    mapping = PUBLICATIONS.get(publication or "", {})
    rest = [n for n in names if n not in GEOGRAPHY and n not in OPTIONAL_GEOGRAPHY]
    wanted = {n: mapping.get(n, n.replace("_", "-")) for n in rest if n not in BREAKDOWNS}
    found = Indicator.objects.in_bulk(set(wanted.values()), field_name="code")
    indicators, breakdowns = {}, [n for n in rest if n in BREAKDOWNS]
    for name, code in wanted.items():
        if code in found:
            indicators[name] = found[code]
        else:
            problems.append(
                ImportProblem(
                    1,
                    name,
                    f"No indicator has the code “{code}”, and it is not a breakdown column "
                    "or a column this publication's mapping declares.",
                )
            )
    if not indicators and not problems:
        problems.append(ImportProblem(1, "", "The file has no indicator columns."))
    return indicators, breakdowns, problems


def start_years(frame: pd.DataFrame) -> pd.Series:
    """The financial year each row describes (2019 for 201920, or for reporting year 2020)."""
    period, identifier = frame["time_period"], frame["time_identifier"].str.lower()
    six = period.str.fullmatch(r"\d{6}")
    four = period.str.fullmatch(r"\d{4}")
    first = pd.to_numeric(period.str[:4], errors="coerce")
    second = pd.to_numeric(period.str[4:6], errors="coerce")
    years = pd.Series(pd.NA, index=frame.index, dtype="Int64")
    fits_six = six & identifier.isin(["financial year", "reporting year"])
    fits_six &= (first + 1) % 100 == second
    years[fits_six] = first[fits_six]
    fits_four = four & (identifier == "reporting year")
    years[fits_four] = first[fits_four] - 1
    return years


def check_frame(
    frame: pd.DataFrame, indicators: dict[str, Indicator], breakdowns: list[str]
) -> list[ImportProblem]:
    problems: list[ImportProblem] = []

    def each(mask: pd.Series, column: str, message: str) -> None:
        problems.extend(ImportProblem(int(i) + 2, column, message) for i in frame.index[mask])

    each(
        start_years(frame).isna(),
        "time_period",
        "Not a year this import reads: a financial or reporting year written as 201920 "
        "(or 2020 for the reporting year to March 2020).",
    )
    level = frame["geographic_level"].map(LEVELS)
    each(level.isna(), "geographic_level", "Write National, Regional or Local authority.")
    each(
        (level == "england") & (frame["country_code"] != ENGLAND_CODE),
        "country_code",
        f"A national row is England's: {ENGLAND_CODE}.",
    )
    each(
        level.isin(["region", "authority"]) & ~frame["region_code"].isin(list(REGION_CODES)),
        "region_code",
        "Not the code of an English region (E12000001 to E12000009).",
    )
    is_council = level == "authority"
    each(
        is_council & ~frame["new_la_code"].str.fullmatch(r"E\d{8}"),
        "new_la_code",
        "A council's row needs its nine-character code, such as E06000039.",
    )
    each(is_council & (frame["la_name"] == ""), "la_name", "A council's row needs its name.")
    if "old_la_code" in frame:
        each(
            is_council & ~frame["old_la_code"].str.fullmatch(r"\d{3}"),
            "old_la_code",
            "A council's old code is three digits.",
        )
    for column in ["la_name", *breakdowns]:
        each(
            frame[column].str.startswith(FORMULA_STARTS),
            column,
            "Starts with a character a spreadsheet could run as a formula.",
        )
    for column, indicator in indicators.items():
        cells = frame[column]
        numeric = cells.str.fullmatch(_NUMBER)
        suppressed = cells.isin(SUPPRESSED)
        each(cells == "", column, "This cell is empty: a figure not given is c, x, z, k or u.")
        each(
            (cells != "") & ~numeric & ~suppressed,
            column,
            "Not a number (up to 8 digits and 4 decimal places, no commas or % sign) "
            "nor a suppression code (c, x, z, k, u).",
        )
        if indicator.unit == Indicator.Unit.PERCENT:
            values = pd.to_numeric(cells.where(numeric), errors="coerce")
            each(values > 100, column, "A percentage must be between 0 and 100.")
    key = ["time_period", "geographic_level", "region_code", "new_la_code", *breakdowns]
    each(frame.duplicated(key), "", "The same place, year and breakdown as an earlier row.")
    problems.sort(
        key=lambda p: (p.row or 0, list(frame.columns).index(p.column) if p.column else -1)
    )
    return problems
