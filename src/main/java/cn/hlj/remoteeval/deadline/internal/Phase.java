package cn.hlj.remoteeval.deadline.internal;

/** The two moments of a deadline that fire. */
enum Phase {
    REMINDER("reminder"), BREACH("breach");

    private final String suffix;

    Phase(String suffix) {
        this.suffix = suffix;
    }

    String triggerName(String deadlineId) {
        return deadlineId + "." + suffix;
    }
}
