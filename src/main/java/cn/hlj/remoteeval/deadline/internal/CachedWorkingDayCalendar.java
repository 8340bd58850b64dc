package cn.hlj.remoteeval.deadline.internal;

import java.time.LocalDate;
import java.util.SortedSet;

import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.deadline.WorkingDayCalendar;

/**
 * The calendar tables held in memory. Every question first compares a one-row stamp of
 * calendar_year (count and sum of revisions) with the cached one, so that a year uploaded on
 * another node is answered at once everywhere: a stale "year not loaded" would leave a deadline
 * waiting for a calendar that exists.
 */
@Component
class CachedWorkingDayCalendar implements WorkingDayCalendar {

    private final CalendarStore store;
    private volatile Cached cached = new Cached(null, CalendarSnapshot.empty());

    private record Cached(CalendarStore.Stamp stamp, CalendarSnapshot snapshot) {
    }

    CachedWorkingDayCalendar(CalendarStore store) {
        this.store = store;
    }

    @Override
    public LocalDate addWorkingDays(LocalDate from, int workingDays) {
        return snapshot().addWorkingDays(from, workingDays);
    }

    @Override
    public boolean isWorkingDay(LocalDate day) {
        return snapshot().isWorkingDay(day);
    }

    @Override
    public SortedSet<Integer> loadedYears() {
        return snapshot().years();
    }

    CalendarSnapshot snapshot() {
        CalendarStore.Stamp stamp = store.stamp();
        Cached current = cached;
        if (stamp.equals(current.stamp())) {
            return current.snapshot();
        }
        return reload();
    }

    /** Reads both tables in one go; the stamp is read first, so a change during the read only causes one more reload. */
    synchronized CalendarSnapshot reload() {
        CalendarStore.Stamp stamp = store.stamp();
        if (stamp.equals(cached.stamp())) {
            return cached.snapshot();
        }
        CalendarSnapshot snapshot = new CalendarSnapshot(
                store.years().stream().map(CalendarStore.LoadedYear::year).toList(), store.days());
        cached = new Cached(stamp, snapshot);
        return snapshot;
    }
}
