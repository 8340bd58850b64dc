package cn.hlj.remoteeval.draw.internal;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The draws' timers on {@code /actuator/prometheus}. Tags stay low-cardinality and say nothing of the
 * draw: never a tender, an expert or a venue, since who was drawn and where is secret until the
 * evaluation ends. The histogram lets operators (and the benchmarks) read percentiles from the server.
 */
final class DrawTimers {

    static final String VENUE_DRAW = "remote_eval.venue_draw";
    static final String EXPERT_DRAW = "remote_eval.expert_draw";
    /** The candidates' query and the exclusion screening inside an expert draw: its largest part. */
    static final String EXPERT_DRAW_SCREENING = "remote_eval.expert_draw.screening";

    static final String DRAWN = "drawn";
    static final String NO_RANDOM_PICK = "no_random_pick";
    static final String NOT_NEEDED = "not_needed";
    static final String NO_PLAN = "no_plan";
    static final String FAILED = "failed";

    private DrawTimers() {
    }

    /** @param tags names and values, alternating */
    static Timer timer(MeterRegistry meters, String name, String description, String... tags) {
        return Timer.builder(name).description(description).tags(tags)
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(60)).register(meters);
    }
}
