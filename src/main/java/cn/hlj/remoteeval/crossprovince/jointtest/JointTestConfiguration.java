package cn.hlj.remoteeval.crossprovince.jointtest;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hlj.remoteeval.crossprovince.exchange.EnvelopeSealing;
import cn.hlj.remoteeval.crossprovince.exchange.ExchangeSchemas;
import cn.hlj.remoteeval.crossprovince.exchange.NationalCrypto;

@Configuration(proxyBeanMethods = false)
class JointTestConfiguration {

    /**
     * The exchange's sealing, and a second one on a clock {@link JointTestSigning#STALE_BY} behind with the
     * same key (the exchange's configuration, which also refuses demo keys in production, reads it too).
     * The second only signs: it is never asked to open, so its register and records are never used.
     */
    @Bean
    JointTestSigning jointTestSigning(EnvelopeSealing sealing, @Value("${remote-eval.exchange.private-key:}") String privateKey,
            @Value("${remote-eval.exchange.window:PT10M}") Duration window, NationalCrypto crypto, ExchangeSchemas schemas,
            Clock clock, ObjectMapper json) {
        EnvelopeSealing behind = new EnvelopeSealing(sealing.province(), privateKey, window, crypto, schemas,
                code -> Optional.empty(), (sender, messageId, at) -> {
                    throw new IllegalStateException("the joint test's stale signer never opens messages");
                }, (messageId, sender, reason, detail, at) -> {
                }, Clock.offset(clock, JointTestSigning.STALE_BY.negated()), json);
        return new JointTestSigning(sealing, behind);
    }
}
