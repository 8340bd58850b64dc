package cn.hlj.remoteeval;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;


import jakarta.annotation.PreDestroy;


import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.core.mapping.JdbcMappingContext;
import org.springframework.data.jdbc.repository.config.AbstractJdbcConfiguration;
import org.springframework.data.relational.RelationalManagedTypes;
import org.springframework.data.relational.core.mapping.NamingStrategy;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

@Configuration(proxyBeanMethods = false)
class InfrastructureConfiguration extends AbstractJdbcConfiguration implements AsyncConfigurer {

    /**
     * The executor of the modules' asynchronous event listeners. Without it {@code @Async} picks
     * Camunda's job-executor pool (the only TaskExecutor bean, queue of 3), which rejects listener
     * calls under load. When this one is saturated the publishing thread runs the listener itself:
     * slower, never lost.
     */
    private ThreadPoolTaskExecutor moduleEventExecutor;

    @Override
    public synchronized Executor getAsyncExecutor() {
        if (moduleEventExecutor != null) {
            return moduleEventExecutor;
        }
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("module-event-");
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(4);
        executor.setQueueCapacity(1_000);
        executor.setRejectedExecutionHandler(new ThreadPoolExecutor.CallerRunsPolicy());
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(30);
        executor.initialize();
        moduleEventExecutor = executor;
        return executor;
    }

    /** Not a bean (a second TaskExecutor bean would compete with Camunda's), so shut down here. */
    @PreDestroy
    synchronized void shutDownModuleEventExecutor() {
        if (moduleEventExecutor != null) {
            moduleEventExecutor.shutdown();
        }
    }

    /**
     * Business dates (evaluation day, deadlines) are dates in the province, whatever the server's zone.
     * {@code remote-eval.clock-offset} (zero unless set) moves business time against the wall clock so
     * that a benchmark can let a week pass between two starts: the deadline module maps its triggers
     * to the shifted clock at start ({@code DeadlineResync}). Camunda's timers and Quartz's cron stay on
     * the wall clock.
     */
    @Bean
    Clock clock(@Value("${remote-eval.clock-offset:PT0S}") Duration offset) {
        Clock province = Clock.system(ZoneId.of(RemoteEvalApplication.ZONE));
        if (offset.isZero()) {
            return province;
        }
        LoggerFactory.getLogger(InfrastructureConfiguration.class)
                .warn("remote-eval.clock-offset is {}: business time is not the wall clock (benchmarks only)", offset);
        return Clock.offset(province, offset);
    }

    /**
     * Unquoted identifiers: the Flyway migrations create unquoted tables, which H2 folds to upper
     * case and MySQL keeps as written; quoted names would match neither on both.
     */
    @Override
    public JdbcMappingContext jdbcMappingContext(java.util.Optional<NamingStrategy> namingStrategy,
            org.springframework.data.jdbc.core.convert.JdbcCustomConversions customConversions,
            RelationalManagedTypes jdbcManagedTypes) {
        JdbcMappingContext context = super.jdbcMappingContext(namingStrategy, customConversions, jdbcManagedTypes);
        context.setForceQuote(false);
        return context;
    }
}
