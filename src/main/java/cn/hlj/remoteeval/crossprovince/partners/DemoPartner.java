package cn.hlj.remoteeval.crossprovince.partners;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The two-province demo: this instance and the partner simulator (profile {@code partner}) find each
 * other in their partner registers, connected, with each other's demo key and local address, so that a
 * cross-province tender registered on one crosses to the other. Only where
 * {@code remote-eval.demo-partner.code} is set (embedded default and partner profiles; empty under
 * mysql and in the tests). Two nodes starting together race on the register's key: the loser rolls back.
 */
@Component
@ConditionalOnExpression("!'${remote-eval.demo-partner.code:}'.isBlank()")
class DemoPartner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPartner.class);

    private final PartnerProvinceService register;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final String code;
    private final String name;
    private final String publicKey;
    private final String endpoint;

    DemoPartner(PartnerProvinceService register, JdbcClient jdbc, TransactionTemplate transactions,
            @Value("${remote-eval.demo-partner.code}") String code, @Value("${remote-eval.demo-partner.name:}") String name,
            @Value("${remote-eval.demo-partner.public-key:}") String publicKey,
            @Value("${remote-eval.demo-partner.endpoint:}") String endpoint) {
        this.register = register;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.code = code.strip().toUpperCase();
        this.name = name.isBlank() ? this.code : name;
        this.publicKey = publicKey;
        this.endpoint = endpoint;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            transactions.executeWithoutResult(status -> {
                register.enterDemoPartner(code, name, "system");
                // The key and address are the exchange's columns of the register (crossprovince.exchange).
                jdbc.sql("UPDATE partner_province SET exchange_public_key = COALESCE(exchange_public_key, ?), "
                        + "exchange_endpoint = COALESCE(exchange_endpoint, ?) WHERE code = ?")
                        .params(publicKey, endpoint, code).update();
            });
            log.info("Demo partner {} in the register, connected, at {}", code, endpoint);
        } catch (DataIntegrityViolationException e) {
            log.info("Demo partner {} entered by another node", code);
        }
    }
}
