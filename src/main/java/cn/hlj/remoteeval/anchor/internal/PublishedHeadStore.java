package cn.hlj.remoteeval.anchor.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code published_head}: one statement per province day, never changed once written. */
@Repository
class PublishedHeadStore {

    private static final String SELECT = "SELECT statement_date, province, draw_seq, draw_hash, audit_seal_no, audit_hash, "
            + "taken_at, signature, public_key, key_fingerprint, tsa_token, published_at FROM published_head";

    private static final RowMapper<PublishedHead> ROW = (rs, row) -> new PublishedHead(
            new HeadStatement(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getLong(5),
                    rs.getString(6), rs.getTimestamp(7).toInstant()),
            rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getTimestamp(12).toInstant());

    private final JdbcClient jdbc;

    PublishedHeadStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(LocalDate date) {
        return jdbc.sql("SELECT COUNT(*) FROM published_head WHERE statement_date = ?").param(Date.valueOf(date))
                .query(Long.class).single() > 0;
    }

    /** Fails with a duplicate key when the day is published already, by this node or the other. */
    void insert(PublishedHead head) {
        HeadStatement s = head.statement();
        jdbc.sql("INSERT INTO published_head (statement_date, province, draw_seq, draw_hash, audit_seal_no, audit_hash, "
                + "taken_at, statement_hash, signature, public_key, key_fingerprint, tsa_token, published_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(Date.valueOf(s.date()), s.province(), s.drawSeq(), s.drawHash(), s.auditSealNo(), s.auditHash(),
                        Timestamp.from(s.takenAt()), s.sha256Hex(), head.signature(), head.publicKey(), head.keyFingerprint(),
                        head.timestampToken(), Timestamp.from(head.publishedAt()))
                .update();
    }

    List<PublishedHead> all() {
        return jdbc.sql(SELECT + " ORDER BY statement_date").query(ROW).list();
    }

    List<PublishedHead> inMonth(YearMonth month) {
        return jdbc.sql(SELECT + " WHERE statement_date BETWEEN ? AND ? ORDER BY statement_date")
                .params(Date.valueOf(month.atDay(1)), Date.valueOf(month.atEndOfMonth())).query(ROW).list();
    }
}
