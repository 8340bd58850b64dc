package cn.hlj.remoteeval.crossprovince.exchange;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * This province's side of the exchange: its code ({@code remote-eval.exchange.province}), its SM2
 * private key ({@code remote-eval.exchange.private-key}, hex; kept like the personal-data keys, never
 * in the repository) and the time window an incoming message's {@code sentAt} must fall in.
 */
@Configuration(proxyBeanMethods = false)
class ExchangeConfiguration {

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
            JdbcExchangeRecords records, Clock clock, ObjectMapper json) {
        return new EnvelopeSealing(province, privateKey, window, crypto, schemas, records, records, records, clock, json);
    }
}
