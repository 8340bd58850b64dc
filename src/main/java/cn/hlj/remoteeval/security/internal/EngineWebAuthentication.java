package cn.hlj.remoteeval.security.internal;

import java.util.Map;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.hlj.remoteeval.security.VenueSessionHosting;

/**
 * How the engine learns who is calling, in every profile: Spring Security authenticates (HTTP Basic
 * or a login form by default, Keycloak under {@code keycloak}); after it, {@link EngineIdentityFilter}
 * works out the engine identity, and Camunda's own filters take it from there through
 * {@link SpringSecurityEngineAuthentication}, for the engine REST API and for the webapps alike.
 */
@Configuration(proxyBeanMethods = false)
class EngineWebAuthentication {

    static final String ENGINE_REST = "/engine-rest/*";
    static final String WEBAPPS = "/camunda/*";
    private static final int AFTER_SPRING_SECURITY = SecurityProperties.DEFAULT_FILTER_ORDER + 1;

    @Bean
    FilterRegistrationBean<EngineIdentityFilter> engineIdentityFilter(VenueSessionHosting hosting) {
        FilterRegistrationBean<EngineIdentityFilter> registration =
                new FilterRegistrationBean<>(new EngineIdentityFilter(hosting));
        registration.setName("remote-eval-engine-identity");
        registration.addUrlPatterns(ENGINE_REST, WEBAPPS);
        registration.setOrder(AFTER_SPRING_SECURITY);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-engine-rest-authentication");
        registration.setInitParameters(Map.of("authentication-provider", SpringSecurityEngineAuthentication.class.getName()));
        registration.addUrlPatterns(ENGINE_REST);
        registration.setOrder(AFTER_SPRING_SECURITY + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<WebappEngineAuthenticationFilter> webappAuthentication() {
        FilterRegistrationBean<WebappEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new WebappEngineAuthenticationFilter());
        registration.setName("camunda-webapp-container-authentication");
        registration.setInitParameters(Map.of("authentication-provider", SpringSecurityEngineAuthentication.class.getName()));
        registration.addUrlPatterns(WEBAPPS);
        registration.setOrder(AFTER_SPRING_SECURITY + 1);
        return registration;
    }
}
