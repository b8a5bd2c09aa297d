from scrutiny.admin_utils import register

from . import models as m

register(
    m.Programme,
    m.Workstream,
    m.Project,
    m.Milestone,
    m.ProgressUpdate,
    m.ProgressMetric,
    m.Risk,
    inlines={
        m.Programme: [m.Workstream, m.Project],
        m.Project: [m.Milestone, m.ProgressMetric],
    },
)
