package cn.hlj.remoteeval.crossprovince.exchange;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The exchange's delivery: the HTTPS transport, the outbox's dispatcher, the inbox's handling, and their polls. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExchangeDeliveryProperties.class)
class ExchangeDeliveryConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ExchangeTransport exchangeTransport(ExchangeDeliveryProperties properties, ObjectProvider<SslBundles> bundles,
            ObjectMapper json) {
        HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (properties.tlsBundle() != null && !properties.tlsBundle().isBlank()) {
            client.sslContext(bundles.getObject().getBundle(properties.tlsBundle()).createSslContext());
        }
        return new HttpExchangeTransport(client.build(), properties, json);
    }

    @Bean
    ExchangeWorkers exchangeWorkers() {
        return new ExchangeWorkers();
    }

    @Bean
    ExchangeDispatcher exchangeDispatcher(ExchangeOutboxStore store, EnvelopeSealing sealing, JdbcExchangeRecords partners,
            ExchangeTransport transport, ExchangeDeliveryProperties properties, ObjectMapper json, Clock clock,
            ExchangeWorkers workers) {
        return new ExchangeDispatcher(store, sealing, partners, transport, properties, json, clock, workers.executor());
    }

    @Bean
    ExchangeHandling exchangeHandling(ExchangeInboxStore store, EnvelopeSealing sealing, List<ExchangeHandler> handlers,
            TransactionTemplate transactions, ExchangeDeliveryProperties properties, Clock clock,
            ExchangeWorkers workers) {
        return new ExchangeHandling(store, sealing, handlers, transactions, properties, clock, workers.executor());
    }

    /** Every node polls; claims and the partners' counters, not this schedule, keep work from being done twice. */
    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    @ConditionalOnProperty(name = "remote-eval.exchange.delivery.enabled", havingValue = "true", matchIfMissing = true)
    static class ExchangePolls {

        private static final Logger LOG = LoggerFactory.getLogger(ExchangePolls.class);

        private final ExchangeDispatcher dispatcher;
        private final ExchangeHandling handling;

        ExchangePolls(ExchangeDispatcher dispatcher, ExchangeHandling handling) {
            this.dispatcher = dispatcher;
            this.handling = handling;
        }

        @Scheduled(fixedDelayString = "${remote-eval.exchange.delivery.poll-interval:PT2S}",
                initialDelayString = "${remote-eval.exchange.delivery.poll-interval:PT2S}")
        void poll() {
            try {
                dispatcher.sendAllDue();
                handling.handleAllDue();
            } catch (RuntimeException e) {
                // Database trouble: the next poll tries again.
                LOG.warn("Exchange poll failed: {}", e.getClass().getSimpleName());
            }
        }
    }
}
