package cn.hlj.remoteeval.draw.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.security.PersonalDataCipher;

/**
 * The draw module's columns that name sub-venue centers or drawn experts (a draw record's eligible
 * list, request and result; a committee seat's center and expert city), sealed at rest with the
 * personal-data cipher. They stay sealed in the table for good: a database reader learns nothing
 * before the evaluation ends, and after it the application opens them for whoever may see them.
 * The hash chain is computed over the opened texts, so sealing does not touch verification.
 */
@Component
class SealedColumns {

    private static final Logger log = LoggerFactory.getLogger(SealedColumns.class);

    private final PersonalDataCipher cipher;

    SealedColumns(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    String seal(String text) {
        return cipher.encrypt(text);
    }

    /** The text; fails, naming the row but never its content, when the stored value cannot be opened. */
    String open(String table, String column, String id, String sealed) {
        try {
            return cipher.decrypt(sealed);
        } catch (IllegalStateException unreadable) {
            throw new IllegalStateException("Sealed column " + table + "." + column + " of row " + id
                    + " cannot be opened: " + unreadable.getMessage());
        }
    }

    /**
     * The text, or null when the stored value cannot be opened (changed in the table, or sealed under
     * another key): a draw record with an unreadable field then fails verification as a changed
     * record instead of failing every read of the chain.
     */
    String openOrNull(String table, String column, String id, String sealed) {
        try {
            return open(table, column, id, sealed);
        } catch (IllegalStateException unreadable) {
            log.warn(unreadable.getMessage());
            return null;
        }
    }
}
