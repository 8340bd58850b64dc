package cn.hlj.remoteeval.evaluation.internal;

/** What happened at a venue during the evaluation; the codes are the values of the incident-report form. */
enum IncidentKind {
    EQUIPMENT_FAILURE,
    AUDIO_VIDEO_INTERRUPTED,
    EXPERT_UNWELL,
    DISCIPLINE_VIOLATION,
    SITE_SAFETY,
    OTHER
}
