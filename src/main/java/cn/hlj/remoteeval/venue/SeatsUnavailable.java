package cn.hlj.remoteeval.venue;

/**
 * A center had fewer free workstations than a booking asked for. The message names no center:
 * callers decide whether the people they answer may learn which one it was.
 */
public class SeatsUnavailable extends RuntimeException {

    private final String centerCode;
    private final int requested;
    private final int free;

    public SeatsUnavailable(String centerCode, int requested, int free) {
        super("not enough free workstations for the booking (requested " + requested + ", free " + free + ")");
        this.centerCode = centerCode;
        this.requested = requested;
        this.free = free;
    }

    public String centerCode() {
        return centerCode;
    }

    public int requested() {
        return requested;
    }

    public int free() {
        return free;
    }
}
