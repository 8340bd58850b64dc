package cn.hlj.remoteeval.venue.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hlj.remoteeval.venue.TradingCenter;
import cn.hlj.remoteeval.venue.TradingCenters;

/** Finds the permanent cross-province sub-venues that fall below the minimum on some date. */
@Service
@Transactional(readOnly = true)
class CrossProvinceCapacityWatch {

    /** Keeps the report well inside a process variable's 4000 characters. */
    static final int REPORT_MAX_LINES = 60;

    private final TradingCenters centers;
    private final JdbcWorkstations workstations;
    private final Clock clock;
    private final int minimum;
    private final int checkDays;

    CrossProvinceCapacityWatch(TradingCenters centers, JdbcWorkstations workstations, Clock clock,
            @Value("${remote-eval.venue.cross-province-minimum:10}") int minimum,
            @Value("${remote-eval.venue.cross-province-check-days:30}") int checkDays) {
        this.centers = centers;
        this.workstations = workstations;
        this.clock = clock;
        this.minimum = minimum;
        this.checkDays = checkDays;
    }

    /** The daily check's report. */
    record Report(int shortfallCount, String text) {
    }

    LocalDate defaultFrom() {
        return LocalDate.now(clock);
    }

    /** How many days after the first one a check looks at. */
    int checkDays() {
        return checkDays;
    }

    List<CrossProvinceCapacity.Shortfall> shortfalls(LocalDate from, LocalDate to) {
        List<String> permanent = centers.all().stream().filter(TradingCenter::permanentCrossProvinceSubVenue)
                .map(TradingCenter::code).toList();
        List<CrossProvinceCapacity.Station> stations = workstations.crossProvinceOf(permanent).stream()
                .map(w -> new CrossProvinceCapacity.Station(w.id(), w.centerCode())).toList();
        List<CrossProvinceCapacity.Span> outages = workstations.crossProvinceOutages(permanent, from, to).stream()
                .map(o -> new CrossProvinceCapacity.Span(o.workstationId(), o.from(), o.to())).toList();
        return CrossProvinceCapacity.shortfalls(permanent, stations, outages, from, to, minimum);
    }

    Report check() {
        LocalDate from = defaultFrom();
        LocalDate to = from.plusDays(checkDays);
        List<CrossProvinceCapacity.Shortfall> shortfalls = shortfalls(from, to);
        Map<String, String> names = new LinkedHashMap<>();
        for (TradingCenter center : centers.all()) {
            names.put(center.code(), center.name());
        }
        return new Report(shortfalls.size(),
                CrossProvinceCapacity.report(shortfalls, names, from, to, REPORT_MAX_LINES));
    }
}
