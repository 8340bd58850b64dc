package cn.hlj.remoteeval.security;

/** The group names DESIGN.md §4 fixes; a group is a Camunda group and, prefixed, a Spring authority. */
public final class Groups {

    public static final String OPERATOR = "camunda-admin";
    public static final String DRC = "drc";
    public static final String TENDERER = "tenderer";
    /** Administrators of the provincial expert pool: the only role that sees experts' personal data. */
    public static final String POOL_ADMIN = "pool-admin";
    public static final String AUTHORITY_PREFIX = "GROUP_";
    private static final String STAFF_PREFIX = "staff-";
    private static final String VENUE_SESSION_PREFIX = "venue-";

    private Groups() {
    }

    public static String staffOf(String centerCode) {
        return STAFF_PREFIX + centerCode;
    }

    public static String supervisorOf(String centerCode) {
        return "supervisor-" + centerCode;
    }

    /**
     * The engine group of an anonymous evaluation session: a sub-venue's tasks are offered to it, so
     * that no engine record names the center behind the session. Nobody is a member in the identity
     * store; the staff of the hosting center hold it for as long as they host the session
     * ({@link VenueSessionHosting}).
     */
    public static String venueSession(String sessionCode) {
        return VENUE_SESSION_PREFIX + sessionCode;
    }

    public static boolean isVenueSession(String group) {
        return group != null && group.startsWith(VENUE_SESSION_PREFIX);
    }

    /** The center code of a {@code staff-<CODE>} group, or null for any other group. */
    public static String centerOfStaff(String group) {
        return group != null && group.startsWith(STAFF_PREFIX) && group.length() > STAFF_PREFIX.length()
                ? group.substring(STAFF_PREFIX.length()) : null;
    }

    public static String authority(String group) {
        return AUTHORITY_PREFIX + group;
    }
}
