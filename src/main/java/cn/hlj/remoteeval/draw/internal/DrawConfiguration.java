package cn.hlj.remoteeval.draw.internal;

import java.security.SecureRandom;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ SeatPlanProperties.class, ExpertNoticeProperties.class })
class DrawConfiguration {

    /** Built here so that a limit that loosens the policy fails the start, not the first draw. */
    @Bean
    SeatPlanLimits seatPlanLimits(SeatPlanProperties properties) {
        return properties.limits();
    }

    @Bean
    SeedSource seedSource() {
        SecureRandom random = new SecureRandom();
        return () -> DrawSeed.generate(random);
    }
}
