package cn.hlj.remoteeval.security;

/** The group names DESIGN.md §4 fixes; a group is a Camunda group and, prefixed, a Spring authority. */
public final class Groups {

    public static final String OPERATOR = "camunda-admin";
    public static final String DRC = "drc";
    public static final String TENDERER = "tenderer";
    /** Administrators of the provincial expert pool: the only role that sees experts' personal data. */
    public static final String POOL_ADMIN = "pool-admin";
    public static final String AUTHORITY_PREFIX = "GROUP_";

    private Groups() {
    }

    public static String staffOf(String centerCode) {
        return "staff-" + centerCode;
    }

    public static String supervisorOf(String centerCode) {
        return "supervisor-" + centerCode;
    }

    public static String authority(String group) {
        return AUTHORITY_PREFIX + group;
    }
}
