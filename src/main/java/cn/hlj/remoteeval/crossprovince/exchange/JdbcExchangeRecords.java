package cn.hlj.remoteeval.crossprovince.exchange;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The exchange's tables: seen message ids, refusals, and the partners' keys in the partner register. */
@Component
class JdbcExchangeRecords implements SeenMessages, RefusalLog, PartnerKeys {

    private static final int DETAIL_MAX = 1000;

    private final JdbcClient jdbc;

    JdbcExchangeRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The primary key decides, so that two nodes receiving the same message at once accept it once. In
     * the caller's transaction: the id counts as seen only if what the message brought is kept too.
     */
    @Override
    @Transactional
    public boolean firstTime(String sender, String messageId, Instant receivedAt) {
        try {
            jdbc.sql("INSERT INTO exchange_seen_message (sender, message_id, received_at) VALUES (?, ?, ?)")
                    .params(sender, messageId, Timestamp.from(receivedAt)).update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** In a transaction of its own: a refusal is kept even when the caller's work rolls back. */
    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void refused(String messageId, String claimedSender, RefusalReason reason, String detail, Instant at) {
        jdbc.sql("INSERT INTO exchange_refusal (message_id, claimed_sender, reason, detail, refused_at) VALUES (?, ?, ?, ?, ?)")
                .params(cut(messageId, 64), cut(claimedSender, 16), reason.name(), cut(detail, DETAIL_MAX), Timestamp.from(at))
                .update();
    }

    /** A suspended partner's messages are refused like a stranger's until it is resumed. */
    @Override
    @Transactional(readOnly = true)
    public Optional<String> publicKeyOf(String provinceCode) {
        if (provinceCode == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT exchange_public_key FROM partner_province WHERE code = ? AND state <> 'SUSPENDED' "
                + "AND exchange_public_key IS NOT NULL").param(provinceCode).query(String.class).optional();
    }

    /** A partner this province can send to: its key (to seal for it) and its node's address. */
    record PartnerLink(String publicKey, java.net.URI endpoint) {
    }

    /** Empty for a stranger, a suspended partner, or one whose key or address is not entered yet. */
    @Transactional(readOnly = true)
    public Optional<PartnerLink> linkOf(String provinceCode) {
        if (provinceCode == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT exchange_public_key, exchange_endpoint FROM partner_province WHERE code = ? "
                + "AND state <> 'SUSPENDED' AND exchange_public_key IS NOT NULL AND exchange_endpoint IS NOT NULL")
                .param(provinceCode)
                .query((rs, row) -> new PartnerLink(rs.getString(1), java.net.URI.create(rs.getString(2)))).optional();
    }

    List<String> connectedWithLink() {
        return jdbc.sql("SELECT code FROM partner_province WHERE state = 'CONNECTED' AND exchange_public_key IS NOT NULL "
                + "AND exchange_endpoint IS NOT NULL ORDER BY code").query(String.class).list();
    }

    /** Enters a partner's node address in the register; false when there is no such partner. */
    @Transactional
    boolean registerEndpoint(String provinceCode, String endpoint) {
        return jdbc.sql("UPDATE partner_province SET exchange_endpoint = ? WHERE code = ?").params(endpoint, provinceCode)
                .update() == 1;
    }

    /** Enters a partner's key in the register; false when there is no such partner. */
    @Transactional
    boolean registerKey(String provinceCode, String publicKey) {
        return jdbc.sql("UPDATE partner_province SET exchange_public_key = ? WHERE code = ?").params(publicKey, provinceCode)
                .update() == 1;
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
