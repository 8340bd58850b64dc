package cn.hlj.remoteeval.anchor;

import java.util.Optional;

/**
 * An RFC 3161 time-stamping authority, so that a third party can tell a statement existed at a time
 * this province does not vouch for itself. Optional: without one, statements are signed only.
 */
public interface TimestampAuthority {

    /**
     * Time-stamps a SHA-256 digest.
     *
     * @return the DER-encoded time-stamp token, Base64; empty when no authority is configured
     */
    Optional<String> timestamp(byte[] sha256);
}
