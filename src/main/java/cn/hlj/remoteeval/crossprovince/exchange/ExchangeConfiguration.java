package cn.hlj.remoteeval.crossprovince.exchange;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * This province's side of the exchange: its code ({@code remote-eval.exchange.province}), its SM2
 * private key ({@code remote-eval.exchange.private-key}, hex; kept like the personal-data keys, never
 * in the repository) and the time window an incoming message's {@code sentAt} must fall in.
 */
@Configuration(proxyBeanMethods = false)
class ExchangeConfiguration {

    /** Published in config/application.yml and config/application-partner.yml for the two-province demo. */
    static final java.util.Set<String> DEMO_KEYS = java.util.Set.of(
            "7f8cef8e02f5d5526579fcf30fcda270867b5872269440bd39851b28da9f73a5",
            "76aca98fbde29855d924cdc160e401aea8d9d115235c5aebc8f34d066047851a");

    @Bean
    NationalCrypto nationalCrypto() {
        return new NationalCrypto(new SecureRandom());
    }

    @Bean
    ExchangeSchemas exchangeSchemas() {
        return new ExchangeSchemas();
    }

    @Bean
    EnvelopeSealing envelopeSealing(@Value("${remote-eval.exchange.province:HL}") String province,
            @Value("${remote-eval.exchange.private-key:}") String privateKey,
            @Value("${remote-eval.exchange.window:PT10M}") Duration window, NationalCrypto crypto, ExchangeSchemas schemas,
            JdbcExchangeRecords records, Clock clock, ObjectMapper json, Environment environment) {
        if (DEMO_KEYS.contains(privateKey == null ? "" : privateKey.strip().toLowerCase())
                && environment.acceptsProfiles(Profiles.of("mysql", "keycloak"))) {
            throw new IllegalStateException("Exchange key: the demo key of the default or partner configuration must not be "
                    + "used with the mysql or keycloak profile. Set REMOTE_EVAL_EXCHANGE_PRIVATE_KEY to this province's own "
                    + "SM2 private key (64 hex digits) and give partners its public key (GET /api/exchange/public-key).");
        }
        return new EnvelopeSealing(province, privateKey, window, crypto, schemas, records, records, records, clock, json);
    }
}
