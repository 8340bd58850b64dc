package cn.hlj.remoteeval.draw.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExpertDrawProperties.class)
class ExpertDrawConfiguration {

    /** Built here so that an invalid rule fails the start, not the first draw. */
    @Bean
    ExpertDrawPolicy expertDrawPolicy(ExpertDrawProperties properties) {
        return properties.policy();
    }
}
