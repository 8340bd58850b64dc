package cn.hlj.remoteeval.crossprovince.jointtest;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.hlj.remoteeval.crossprovince.exchange.EnvelopeSealing;

@Configuration(proxyBeanMethods = false)
class JointTestConfiguration {

    /** The exchange's sealing, and the same on a clock {@link JointTestSigning#STALE_BY} behind, to sign the stale probe. */
    @Bean
    JointTestSigning jointTestSigning(EnvelopeSealing sealing, Clock clock) {
        return new JointTestSigning(sealing, sealing.onClock(Clock.offset(clock, JointTestSigning.STALE_BY.negated())));
    }
}
