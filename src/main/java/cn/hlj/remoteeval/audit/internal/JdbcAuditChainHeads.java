package cn.hlj.remoteeval.audit.internal;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.hlj.remoteeval.audit.AuditChainHeads;

@Component
class JdbcAuditChainHeads implements AuditChainHeads {

    private final AuditSealer sealer;
    private final JdbcClient jdbc;

    JdbcAuditChainHeads(AuditSealer sealer, JdbcClient jdbc) {
        this.sealer = sealer;
        this.jdbc = jdbc;
    }

    /** Read under the head lock the sealing took, so the head published is one the sealer wrote completely. */
    @Override
    @Transactional
    public Head sealAndReadHead() {
        sealer.sealPending();
        AuditChainHead head = AuditSealer.lockHead(jdbc);
        return new Head(head.sealNo(), head.hash());
    }

    @Override
    public Optional<String> entryHashAt(long sealNo) {
        return jdbc.sql("SELECT entry_hash FROM audit_entry WHERE seal_no = ?").param(sealNo).query(String.class).optional();
    }
}
