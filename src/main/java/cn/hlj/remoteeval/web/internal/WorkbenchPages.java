package cn.hlj.remoteeval.web.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The workbench's address is its folder ({@code /workbench/}), as people type and bookmark it; the
 * static pages themselves live in {@code static/workbench/}.
 */
@Configuration(proxyBeanMethods = false)
class WorkbenchPages implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/workbench", "/workbench/");
        registry.addViewController("/workbench/").setViewName("forward:/workbench/index.html");
    }
}
