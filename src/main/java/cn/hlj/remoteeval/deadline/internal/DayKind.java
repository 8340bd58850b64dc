package cn.hlj.remoteeval.deadline.internal;

/** How an official schedule lists a day: a day off, or an adjusted weekend that is worked (调休). */
enum DayKind {
    HOLIDAY, WORKDAY
}
