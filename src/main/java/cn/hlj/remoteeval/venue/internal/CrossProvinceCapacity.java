package cn.hlj.remoteeval.venue.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Policy 四: each permanent cross-province sub-venue keeps at least a minimum of usable
 * cross-province workstations. Usable on a date means registered as cross-province and not out of
 * service that day; seats booked that day still count, since they are in use for what they are for.
 */
final class CrossProvinceCapacity {

    private CrossProvinceCapacity() {
    }

    /** A cross-province workstation of a center. */
    record Station(long id, String centerCode) {
    }

    /** Out of service from {@code from} to {@code to}, both included. */
    record Span(long workstationId, LocalDate from, LocalDate to) {
    }

    /** A center with too few usable cross-province workstations on a date. */
    record Shortfall(String centerCode, LocalDate date, int usable, int required) {
    }

    /**
     * Every (date, center) in [from, to] where fewer than {@code minimum} stations are usable,
     * by date then in the order of {@code centers}.
     */
    static List<Shortfall> shortfalls(List<String> centers, List<Station> stations, List<Span> outages,
            LocalDate from, LocalDate to, int minimum) {
        Map<Long, List<Span>> outagesByStation = new HashMap<>();
        for (Span span : outages) {
            outagesByStation.computeIfAbsent(span.workstationId(), id -> new ArrayList<>()).add(span);
        }
        List<Shortfall> shortfalls = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            for (String center : centers) {
                int usable = 0;
                for (Station station : stations) {
                    if (station.centerCode().equals(center)
                            && !outOfService(outagesByStation.getOrDefault(station.id(), List.of()), date)) {
                        usable++;
                    }
                }
                if (usable < minimum) {
                    shortfalls.add(new Shortfall(center, date, usable, minimum));
                }
            }
        }
        return shortfalls;
    }

    private static boolean outOfService(List<Span> spans, LocalDate date) {
        for (Span span : spans) {
            if (!date.isBefore(span.from()) && !date.isAfter(span.to())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The report the provincial staff review in Tasklist, one Chinese line per shortfall, at most
     * {@code maxLines} of them (a process variable is not the place for an unbounded list).
     */
    static String report(List<Shortfall> shortfalls, Map<String, String> centerNames, LocalDate from, LocalDate to,
            int maxLines) {
        StringBuilder report = new StringBuilder("检查范围：").append(from).append(" 至 ").append(to).append('\n');
        if (shortfalls.isEmpty()) {
            return report.append("各常设跨省远程异地评标副场的可用跨省工位均满足要求。").toString();
        }
        int shown = Math.min(maxLines, shortfalls.size());
        for (Shortfall shortfall : shortfalls.subList(0, shown)) {
            report.append(line(shortfall, centerNames)).append('\n');
        }
        if (shown < shortfalls.size()) {
            report.append("……另有 ").append(shortfalls.size() - shown)
                    .append(" 条，完整清单见 GET /api/workstations/cross-province-shortfalls\n");
        }
        return report.toString().stripTrailing();
    }

    static String line(Shortfall shortfall, Map<String, String> centerNames) {
        return centerNames.getOrDefault(shortfall.centerCode(), shortfall.centerCode()) + " " + shortfall.date()
                + " 可用跨省工位 " + shortfall.usable() + " 个（不少于 " + shortfall.required() + " 个）";
    }
}
