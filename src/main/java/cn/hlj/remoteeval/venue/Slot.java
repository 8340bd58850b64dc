package cn.hlj.remoteeval.venue;

import java.time.LocalDate;
import java.util.Objects;

/** A date and half-day: the unit in which workstations are booked and an evaluation is held. */
public record Slot(LocalDate date, HalfDay halfDay) {

    public Slot {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(halfDay, "halfDay");
    }

    @Override
    public String toString() {
        return date + " " + halfDay;
    }
}
