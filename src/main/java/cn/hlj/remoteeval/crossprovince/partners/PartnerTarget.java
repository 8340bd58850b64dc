package cn.hlj.remoteeval.crossprovince.partners;

import java.time.LocalDate;

/** At least {@code count} partner provinces of the kind by {@code due} (inclusive). */
record PartnerTarget(PartnerTargetKind kind, int count, LocalDate due) {

    /** Identifies the target in the alerts table and the alert process's business key. */
    String key() {
        return kind.name() + ":" + count + ":" + due;
    }

    /** e.g. "2026年11月30日前与不少于 3 个省份实现互联互通". */
    String label() {
        return due.getYear() + "年" + due.getMonthValue() + "月" + due.getDayOfMonth() + "日前与不少于 " + count
                + " 个省份" + kind.label();
    }
}
