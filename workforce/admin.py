from scrutiny.admin_utils import register

from . import models as m

register(
    m.Role,
    m.ReportedRole,
    m.StaffingFigure,
    m.StaffMovement,
    m.Caseload,
    m.TrainingCourse,
    m.TrainingCompletion,
    m.TrainingCoverage,
    inlines={m.StaffMovement: [m.LeaverReason]},
)
