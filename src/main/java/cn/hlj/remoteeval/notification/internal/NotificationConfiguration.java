package cn.hlj.remoteeval.notification.internal;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hlj.remoteeval.notification.GatewayCallbacks;
import cn.hlj.remoteeval.security.PersonalDataCipher;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SmsProperties.class)
class NotificationConfiguration {

    /** Chosen by {@code remote-eval.sms.gateway}; the properties already refused any other value. */
    @Bean
    SmsGateway smsGateway(SmsProperties properties, Clock clock) {
        if (SmsProperties.HTTP.equals(properties.gateway())) {
            return new HttpSmsGateway(properties.http());
        }
        return new FileSmsGateway(properties.file(), clock);
    }

    @Bean
    SmsDispatcher smsDispatcher(JdbcSmsOutboxStore store, PersonalDataCipher cipher, SmsGateway gateway,
            SmsProperties properties, Clock clock) {
        return new SmsDispatcher(store, cipher, gateway, properties.retry().policy(), clock, properties.batchSize(),
                properties.claimTimeout());
    }

    /** Each gateway's {@code inbound} settings under its own prefix ({@link HmacGatewayCallbacks#INBOUND}). */
    @Bean
    GatewayCallbacks gatewayCallbacks(Environment environment, JdbcClient jdbc, Clock clock) {
        return new HmacGatewayCallbacks(Binder.get(environment), jdbc, clock);
    }
}
