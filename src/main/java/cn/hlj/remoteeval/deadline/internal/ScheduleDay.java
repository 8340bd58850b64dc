package cn.hlj.remoteeval.deadline.internal;

import java.time.LocalDate;

/** One line of an official holiday schedule. */
record ScheduleDay(LocalDate date, DayKind kind, String name) {
}
