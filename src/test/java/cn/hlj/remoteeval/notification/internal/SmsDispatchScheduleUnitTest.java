package cn.hlj.remoteeval.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The poll is scheduled with the configured interval, and the property switches it off. */
class SmsDispatchScheduleUnitTest {

    /** Counts rounds instead of touching a database. */
    static final class CountingDispatcher extends SmsDispatcher {

        final AtomicInteger rounds = new AtomicInteger();

        CountingDispatcher() {
            super(null, null, null, new RetryPolicy(Duration.ofSeconds(30), 2, Duration.ofMinutes(30), 8),
                    Clock.systemUTC(), 3, Duration.ofMinutes(2));
        }

        @Override
        int dispatchDue() {
            rounds.incrementAndGet();
            return 0;
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TaskSchedulingAutoConfiguration.class))
            .withBean(CountingDispatcher.class, CountingDispatcher::new)
            .withUserConfiguration(SmsDispatchSchedule.class);

    @Test
    void pollsTheOutboxEveryDispatchInterval() {
        runner.withPropertyValues("remote-eval.sms.dispatch-interval=PT0.05S").run(context -> {
            CountingDispatcher dispatcher = context.getBean(CountingDispatcher.class);
            await().atMost(Duration.ofSeconds(5)).until(() -> dispatcher.rounds.get() >= 4);
        });
    }

    @Test
    void isOffWhenDispatchIsDisabled() {
        runner.withPropertyValues("remote-eval.sms.dispatch-enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(SmsDispatchSchedule.class);
            assertThat(context.getBean(CountingDispatcher.class).rounds).hasValue(0);
        });
    }
}
