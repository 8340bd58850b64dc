package cn.hlj.remoteeval.deadline.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.hlj.remoteeval.web.ApiProblemException;
import cn.hlj.remoteeval.web.TabularFile;

/**
 * Brings the bundled official schedules (config/calendar) into the calendar tables at start. A year
 * an operator uploaded is left alone: the upload is newer than the file shipped with the release.
 * A malformed file stops the start rather than counting deadlines on a guess.
 */
@Component
@Order(10)
class CalendarFileLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CalendarFileLoader.class);
    static final String SYSTEM = "system";

    private final Resource file;
    private final CalendarStore store;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final AwaitingCalendarDeadlines awaiting;

    CalendarFileLoader(@Value("${remote-eval.calendar.file}") Resource file, CalendarStore store,
            TransactionTemplate transaction, Clock clock, AwaitingCalendarDeadlines awaiting) {
        this.file = file;
        this.store = store;
        this.transaction = transaction;
        this.clock = clock;
        this.awaiting = awaiting;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        Map<Integer, List<ScheduleDay>> byYear = read(file);
        int loaded = 0;
        for (Map.Entry<Integer, List<ScheduleDay>> entry : byYear.entrySet()) {
            if (load(entry.getKey(), entry.getValue())) {
                loaded++;
            }
        }
        log.info("Official calendar file {}: years {}, {} (re)loaded", file.getDescription(), byYear.keySet(), loaded);
        if (loaded > 0) {
            awaiting.scheduleComputable();
        }
    }

    static Map<Integer, List<ScheduleDay>> read(Resource file) throws IOException {
        TabularFile table;
        try (InputStream in = file.getInputStream()) {
            table = TabularFile.readCsv(in.readAllBytes(), ScheduleRows.HEADER);
        } catch (ApiProblemException e) {
            throw new IllegalStateException("Calendar file " + file.getDescription() + ": " + e.violations());
        }
        ScheduleRows.Parsed parsed = ScheduleRows.parse(table, null);
        if (!parsed.violations().isEmpty()) {
            throw new IllegalStateException("Calendar file " + file.getDescription() + ": " + parsed.violations());
        }
        return parsed.days().stream().collect(Collectors.groupingBy(day -> day.date().getYear(), TreeMap::new,
                Collectors.toList()));
    }

    private boolean load(int year, List<ScheduleDay> days) {
        try {
            Boolean changed = transaction.execute(status -> {
                Optional<CalendarStore.LoadedYear> previous = store.lockYear(year);
                if (previous.isPresent()) {
                    if (!"FILE".equals(previous.get().source())) {
                        return false;
                    }
                    if (sameDays(store.daysOf(year), days)) {
                        return false;
                    }
                }
                store.replace(year, days, "FILE", SYSTEM, clock.instant(), previous);
                return true;
            });
            return Boolean.TRUE.equals(changed);
        } catch (DataIntegrityViolationException e) {
            // Another node inserted the year at the same moment, from the same file.
            return false;
        }
    }

    private static boolean sameDays(List<ScheduleDay> stored, List<ScheduleDay> file) {
        return new java.util.HashSet<>(stored).equals(new java.util.HashSet<>(file));
    }
}
