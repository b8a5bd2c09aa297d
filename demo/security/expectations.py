"""Who may use each route, by URL name: the one table the role x URL x method matrix checks.

Every named route the resolver knows must be listed here (the admin's aside), so a new view
fails ``security_report`` and tests/security/test_attack_suite.py until someone says who may
use it. When URL names change (namespaces), this is the one file to edit.

Each entry is (who may GET, who may POST), for the roles people hold at Wokingham. "May"
means the answer is the page, a form with its errors, a refusal in words on the page or a
redirect onward; anyone else must be
refused (403, 404, 405, or sent to sign in). Nobody may get a server error.
"""

from __future__ import annotations

PUBLIC = "public"  # nobody signed in
OUTSIDER = "outsider"  # signed in, no council
OTHER_COUNCIL = "other-council"  # an officer of Slough, at Wokingham's pages
MEMBER, OFFICER, APPROVER, CLERK, ADMIN = "member", "officer", "approver", "clerk", "admin"
COUNCIL_ADMIN = "council-admin"  # sets the council up; reads its figures, not its Part 2
# Roles are per council. Two people test that: one who is a member here and an approver at
# Slough, and an officer here limited to one service area (who may edit only its rows, see
# tests/test_council_roles.py). At this council's pages each must answer as the role they
# hold here: ``ACTS_AS``.
MIXED = "member-here-approver-elsewhere"
LIMITED = "officer-of-one-area"
ACTS_AS = {MIXED: MEMBER, LIMITED: OFFICER}
# ...but for the rows outside their area: the section the suite posts to is the workforce
# return, whose rows are by role (council-wide), so the limited officer may read it only.
READ_ONLY_FOR = {(LIMITED, "returns:section")}

EVERYONE = frozenset(
    {PUBLIC, OUTSIDER, OTHER_COUNCIL, MEMBER, OFFICER, APPROVER, CLERK, ADMIN, COUNCIL_ADMIN}
)
SIGNED_IN = EVERYONE - {PUBLIC}
PART2_READERS = frozenset({MEMBER, OFFICER, APPROVER, CLERK, ADMIN})
COUNCIL = PART2_READERS | {COUNCIL_ADMIN}
WRITERS = frozenset({OFFICER, APPROVER, ADMIN})
HANDLERS = frozenset({OFFICER, APPROVER, CLERK, ADMIN})
CLERKS = frozenset({CLERK, ADMIN})
COUNCIL_ADMINS = frozenset({COUNCIL_ADMIN, ADMIN})
NOBODY: frozenset[str] = frozenset()

OPEN = (EVERYONE, NOBODY)  # public pages: read by all, posted to by none
COUNCIL_ONLY = (COUNCIL, NOBODY)
WRITE = (WRITERS, WRITERS)
MANAGE = (CLERKS, CLERKS)
SET_UP = (COUNCIL_ADMINS, COUNCIL_ADMINS)

EXPECTED: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    # Outside any council
    "home": OPEN,
    "health": OPEN,
    "dashboard": (SIGNED_IN, NOBODY),
    "sitemap": OPEN,
    "login": (EVERYONE, EVERYONE),
    "logout": (NOBODY, EVERYONE),
    "password_change": (SIGNED_IN, SIGNED_IN),
    "password_change_done": (SIGNED_IN, NOBODY),
    "password_reset": (EVERYONE, EVERYONE),
    "password_reset_done": OPEN,
    "password_reset_confirm": (EVERYONE, EVERYONE),
    "password_reset_complete": OPEN,
    "chart_file": OPEN,
    "council_add": ({ADMIN}, {ADMIN}),
    # Committee business, public
    "committees:authority_home": OPEN,
    "committees:committee_list": OPEN,
    "committees:committee_detail": OPEN,
    "committees:committee_recommendations": OPEN,
    "committees:councillor_list": OPEN,
    "committees:councillor_detail": OPEN,
    "committees:committee_feed": OPEN,
    "committees:meeting_detail": OPEN,
    "committees:meeting_calendar": OPEN,
    "committees:committee_calendar": OPEN,
    "committees:report_list": OPEN,
    "committees:report_detail": OPEN,
    "committees:report_table": OPEN,
    "committees:report_search": OPEN,
    # Writing reports and taking them to publication
    "committees:report_create": WRITE,
    "committees:report_manage": (HANDLERS, NOBODY),
    "committees:report_cover": WRITE,
    "committees:report_section_add": WRITE,
    "committees:report_section_change": WRITE,
    "committees:report_block_choose": WRITE,
    "committees:report_block_add": WRITE,
    "committees:report_block_change": WRITE,
    "committees:report_section_action": (NOBODY, WRITERS),
    "committees:report_new_version": WRITE,
    "committees:report_action": (NOBODY, HANDLERS),
    # Clerking
    "committees:meeting_create": MANAGE,
    "committees:meeting_change": MANAGE,
    "committees:agenda_item_add": MANAGE,
    "committees:agenda_item_change": MANAGE,
    "committees:committee_recommendation_add": MANAGE,
    "committees:agenda_publish": (NOBODY, CLERKS),
    "committees:membership_add": (CLERKS | COUNCIL_ADMINS, CLERKS | COUNCIL_ADMINS),
    "committees:membership_change": (CLERKS | COUNCIL_ADMINS, CLERKS | COUNCIL_ADMINS),
    "committees:committee_setup": (CLERKS | COUNCIL_ADMINS, CLERKS | COUNCIL_ADMINS),
    # Assurance: the council's own figures
    "assurance:home": COUNCIL_ONLY,
    "assurance:complaint_summary": COUNCIL_ONLY,
    "assurance:audit_list": COUNCIL_ONLY,
    "assurance:audit_detail": COUNCIL_ONLY,
    "assurance:inspection_list": COUNCIL_ONLY,
    "assurance:inspection_detail": COUNCIL_ONLY,
    "assurance:recommendation_list": COUNCIL_ONLY,
    "assurance:recommendation_detail": COUNCIL_ONLY,
    "assurance:contact_list": COUNCIL_ONLY,
    "assurance:data_quality_list": COUNCIL_ONLY,
    # Quarterly returns
    "returns:list": (COUNCIL, WRITERS),
    "returns:detail": (COUNCIL, WRITERS),
    "returns:changes": COUNCIL_ONLY,
    "returns:spreadsheet": (COUNCIL, WRITERS),
    "returns:section": (COUNCIL, WRITERS),
    # Workforce, scorecards, programmes
    "workforce:home": COUNCIL_ONLY,
    "workforce:staffing_list": COUNCIL_ONLY,
    "workforce:staffing_detail": COUNCIL_ONLY,
    "workforce:movement_list": COUNCIL_ONLY,
    "workforce:movement_detail": COUNCIL_ONLY,
    "workforce:caseload_list": COUNCIL_ONLY,
    "workforce:training_list": COUNCIL_ONLY,
    "workforce:training_coverage_list": COUNCIL_ONLY,
    "scorecards:indicator_list": OPEN,
    "scorecards:indicator_detail": OPEN,
    "scorecards:practice_scorecard_list": OPEN,
    "scorecards:catalogue_choose": (WRITERS | COUNCIL_ADMINS, WRITERS | COUNCIL_ADMINS),
    "scorecards:local_indicators": (WRITERS | COUNCIL_ADMINS, WRITERS | COUNCIL_ADMINS),
    "scorecards:targets": SET_UP,
    "workforce:roles_setup": SET_UP,
    "scorecards:breakdowns_choose": (WRITERS | COUNCIL_ADMINS, WRITERS | COUNCIL_ADMINS),
    "scorecards:breakdowns_download": OPEN,
    "scorecards:practice_scorecard_detail": OPEN,
    "scorecards:private_chart_file": COUNCIL_ONLY,
    "programmes:programme_list": COUNCIL_ONLY,
    "programmes:programme_detail": COUNCIL_ONLY,
    "programmes:project_detail": COUNCIL_ONLY,
    # Setting the council up
    "setup:task_list": (COUNCIL_ADMINS, NOBODY),
    "setup:details": SET_UP,
    "setup:teams": SET_UP,
    "setup:comparators": SET_UP,
    "setup:people": SET_UP,
    # Packs
    "packs:meeting_confidential_pack": (PART2_READERS, CLERKS),
    "packs:meeting_pack": (EVERYONE, CLERKS),
    "packs:report_pdf": (EVERYONE, COUNCIL),
    "packs:cover_letter": (COUNCIL, CLERKS),
    # A committee's work programme
    "committees:work_programme": OPEN,
    "committees:work_programme_item_add": MANAGE,
    "committees:work_programme_item_change": MANAGE,
    "committees:work_programme_to_agenda": (NOBODY, CLERKS),
    # A meeting's record: attendance, declarations and minutes
    "committees:meeting_attendance": MANAGE,
    "committees:declaration_add": MANAGE,
    "committees:minutes_detail": OPEN,
    "packs:minutes_pdf": OPEN,
    "committees:minutes_edit": MANAGE,
    "committees:minutes_publish": (NOBODY, CLERKS),
    "committees:minutes_confirm": (NOBODY, CLERKS),
    # When returns are due (a set-up step, on the returns' own address)
    "returns:due_dates": SET_UP,
    # The person's own account, and two-step sign-in (for clerks and council administrators)
    "account": (SIGNED_IN, NOBODY),
    # The code after the password: with no password given just before, it sends to sign in.
    "sign_in_code": (NOBODY, NOBODY),
    "two_factor_setup": (CLERKS | COUNCIL_ADMINS, CLERKS | COUNCIL_ADMINS),
}
