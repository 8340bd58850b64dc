package cn.hlj.remoteeval.draw.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code remote-eval.seat-plan.*}: the limits of the venue draw. Shares are written {@code a/b}.
 * They are checked when the application starts: a value that would loosen the policy stops it.
 */
@ConfigurationProperties("remote-eval.seat-plan")
record SeatPlanProperties(@DefaultValue("2") int minSubVenueCenters, @DefaultValue("1/2") String maxCenterShare,
        @DefaultValue("1/3") String mainVenueShare) {

    SeatPlanLimits limits() {
        return new SeatPlanLimits(minSubVenueCenters, share("max-center-share", maxCenterShare),
                share("main-venue-share", mainVenueShare));
    }

    private static Fraction share(String property, String value) {
        try {
            return Fraction.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("remote-eval.seat-plan." + property + ": " + e.getMessage());
        }
    }
}
