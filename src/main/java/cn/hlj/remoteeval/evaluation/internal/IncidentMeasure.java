package cn.hlj.remoteeval.evaluation.internal;

/** How the main venue dealt with an incident; the codes are the values of the incident-handling form. */
enum IncidentMeasure {
    PAUSE_EVALUATION,
    SWITCH_TO_BACKUP,
    CHANGE_WORKSTATION,
    REPLACE_EXPERT,
    REPORT_TO_AUTHORITY,
    RECORD_ONLY
}
