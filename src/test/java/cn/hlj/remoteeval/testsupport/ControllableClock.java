package cn.hlj.remoteeval.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import cn.hlj.remoteeval.RemoteEvalApplication;

/**
 * The application's clock in every integration test: the system clock in the province until a test
 * sets it (deadline firing), and back to it with {@link #reset()}. A test that moves it must reset it
 * in a {@code finally} block, since every integration test class shares the context.
 */
public class ControllableClock extends Clock {

    private static final ZoneId ZONE = ZoneId.of(RemoteEvalApplication.ZONE);

    /** How far the clock runs ahead of the system clock (negative: behind). */
    private volatile Duration offset = Duration.ZERO;

    /** Puts the clock in the shared context, ahead of the application's own {@code clock} bean. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        @Primary
        ControllableClock controllableClock() {
            return new ControllableClock();
        }
    }

    /** From now on the clock reads {@code instant} and runs on at the system clock's pace. */
    public void set(Instant instant) {
        offset = Duration.between(Instant.now(), instant);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }
}
