"""Admin for the quality-assurance records."""

from scrutiny.admin_utils import register

from . import models as m

register(
    m.Audit,
    m.ComplaintCount,
    m.ComplaintTheme,
    m.Compliment,
    m.Inspection,
    m.ContactVolume,
    m.ContactPurpose,
    m.DataQualityIssue,
    inlines={
        m.Audit: [m.AuditFinding, m.AuditAction],
        m.Inspection: [m.InspectionJudgement],
    },
)
