package cn.hlj.remoteeval;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.core.mapping.JdbcMappingContext;
import org.springframework.data.jdbc.repository.config.AbstractJdbcConfiguration;
import org.springframework.data.relational.RelationalManagedTypes;
import org.springframework.data.relational.core.mapping.NamingStrategy;

@Configuration(proxyBeanMethods = false)
class InfrastructureConfiguration extends AbstractJdbcConfiguration {

    /** Business dates (evaluation day, deadlines) are dates in the province, whatever the server's zone. */
    @Bean
    Clock clock(@Value("${remote-eval.zone:Asia/Shanghai}") String zone) {
        return Clock.system(ZoneId.of(zone));
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
