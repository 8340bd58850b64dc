package cn.hlj.remoteeval.evaluation.internal;

/** Tells the tender's evaluation day that an incident was raised, so that it reaches the main venue and the supervisor. */
interface IncidentAlarm {

    /** Carries the incident's id and kind only: its description stays in the module's table. */
    void raise(String tenderId, String incidentId, IncidentKind kind);
}
