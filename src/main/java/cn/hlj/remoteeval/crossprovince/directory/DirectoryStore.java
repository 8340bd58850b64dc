package cn.hlj.remoteeval.crossprovince.directory;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The directory tables of V35 ({@code partner_directory}, {@code partner_directory_part},
 * {@code directory_publication}) and the partner register's columns the publisher needs. Every method
 * runs in its caller's transaction.
 */
@Repository
class DirectoryStore {

    private final JdbcClient jdbc;

    DirectoryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A partner in the register, as far as publishing goes. */
    record Partner(String code, String name, String state, boolean hasKey, boolean hasEndpoint) {

        /** Connected or through the joint test, with a key to check what it sends and an address to send to. */
        boolean receivesDirectories() {
            return ("CONNECTED".equals(state) || "JOINT_TEST_PASSED".equals(state)) && hasKey && hasEndpoint;
        }
    }

    List<Partner> partners() {
        return jdbc.sql("SELECT code, name, state, exchange_public_key, exchange_endpoint FROM partner_province ORDER BY code")
                .query((rs, row) -> new Partner(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4) != null,
                        rs.getString(5) != null))
                .list();
    }

    /**
     * Records that {@code hash} is being published to the partner now; false when it is what was published
     * last (or another node is publishing it this moment). The conditional update takes the row's lock, so
     * that of two nodes publishing the same content at once only one sends it.
     */
    boolean claimPublication(String partner, DirectoryKind kind, String hash, Instant asOf, int parts, Instant now) {
        int changed = jdbc.sql("UPDATE directory_publication SET content_hash = ?, as_of = ?, parts = ?, published_at = ? "
                + "WHERE partner = ? AND kind = ? AND content_hash <> ?")
                .params(hash, Timestamp.from(asOf), parts, Timestamp.from(now), partner, kind.name(), hash).update();
        if (changed == 1) {
            return true;
        }
        if (jdbc.sql("SELECT COUNT(*) FROM directory_publication WHERE partner = ? AND kind = ?").params(partner, kind.name())
                .query(Long.class).single() > 0) {
            return false;
        }
        try {
            jdbc.sql("INSERT INTO directory_publication (partner, kind, content_hash, as_of, parts, published_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?)")
                    .params(partner, kind.name(), hash, Timestamp.from(asOf), parts, Timestamp.from(now)).update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** What this province last published to a partner. */
    record Publication(String partner, DirectoryKind kind, Instant asOf, int parts, Instant publishedAt) {
    }

    List<Publication> publications() {
        return jdbc.sql("SELECT partner, kind, as_of, parts, published_at FROM directory_publication ORDER BY partner, kind")
                .query((rs, row) -> new Publication(rs.getString(1), DirectoryKind.valueOf(rs.getString(2)),
                        rs.getTimestamp(3).toInstant(), rs.getInt(4), rs.getTimestamp(5).toInstant()))
                .list();
    }

    /** A partner's latest complete directory. */
    record Received(String partner, DirectoryKind kind, Instant asOf, String entries, Instant receivedAt) {
    }

    List<Received> received() {
        return jdbc.sql("SELECT partner, kind, as_of, entries, received_at FROM partner_directory ORDER BY partner, kind")
                .query((rs, row) -> new Received(rs.getString(1), DirectoryKind.valueOf(rs.getString(2)),
                        rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getTimestamp(5).toInstant()))
                .list();
    }

    /** The partner's directory of this kind is now this one (entries: a JSON array). */
    void replace(String partner, DirectoryKind kind, Instant asOf, String entries, String messageId, Instant now) {
        if (jdbc.sql("UPDATE partner_directory SET as_of = ?, entries = ?, message_id = ?, received_at = ? "
                + "WHERE partner = ? AND kind = ?")
                .params(Timestamp.from(asOf), entries, messageId, Timestamp.from(now), partner, kind.name()).update() == 0) {
            jdbc.sql("INSERT INTO partner_directory (partner, kind, as_of, entries, message_id, received_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?)")
                    .params(partner, kind.name(), Timestamp.from(asOf), entries, messageId, Timestamp.from(now)).update();
        }
    }

    /**
     * Keeps one part of a directory that comes in several; a part of another {@code asOf} or count left
     * from an unfinished directory is dropped. Answers how many parts of this directory are here now.
     */
    int keepPart(String partner, DirectoryKind kind, Instant asOf, int part, int parts, String entries, Instant now) {
        jdbc.sql("DELETE FROM partner_directory_part WHERE partner = ? AND kind = ? AND (as_of <> ? OR parts <> ? OR part = ?)")
                .params(partner, kind.name(), Timestamp.from(asOf), parts, part).update();
        jdbc.sql("INSERT INTO partner_directory_part (partner, kind, part, parts, as_of, entries, received_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(partner, kind.name(), part, parts, Timestamp.from(asOf), entries, Timestamp.from(now)).update();
        return jdbc.sql("SELECT COUNT(*) FROM partner_directory_part WHERE partner = ? AND kind = ?")
                .params(partner, kind.name()).query(Long.class).single().intValue();
    }

    /** The parts' entries (JSON arrays) in part order, and the parts removed. */
    List<String> takeParts(String partner, DirectoryKind kind) {
        List<String> parts = jdbc.sql("SELECT entries FROM partner_directory_part WHERE partner = ? AND kind = ? ORDER BY part")
                .params(partner, kind.name()).query(String.class).list();
        jdbc.sql("DELETE FROM partner_directory_part WHERE partner = ? AND kind = ?").params(partner, kind.name()).update();
        return parts;
    }

    Optional<Partner> partner(String code) {
        return partners().stream().filter(p -> p.code().equals(code)).findFirst();
    }
}
