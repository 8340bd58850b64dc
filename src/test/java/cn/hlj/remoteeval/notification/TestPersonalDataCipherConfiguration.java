package cn.hlj.remoteeval.notification;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.hlj.remoteeval.notification.internal.TestCipher;
import cn.hlj.remoteeval.security.PersonalDataCipher;

/**
 * TEMPORARY, branch wip-notify only: the integration tests' PersonalDataCipher until module
 * security's own implementation is merged. Delete this class at that merge (two beans would clash).
 */
@Configuration(proxyBeanMethods = false)
public class TestPersonalDataCipherConfiguration {

    @Bean
    PersonalDataCipher temporaryTestPersonalDataCipher() {
        return new TestCipher();
    }
}
