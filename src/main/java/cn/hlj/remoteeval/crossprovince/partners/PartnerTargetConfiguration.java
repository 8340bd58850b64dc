package cn.hlj.remoteeval.crossprovince.partners;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PartnerTargetProperties.class)
class PartnerTargetConfiguration {

    /** Built here so that a malformed target fails the start, not the first dashboard. */
    @Bean
    PartnerTargetPlan partnerTargetPlan(PartnerTargetProperties properties) {
        return new PartnerTargetPlan(properties.targets(), properties.partnerTargetRiskDays());
    }
}
