package cn.hlj.remoteeval.notification.internal;

import java.time.Clock;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.hlj.remoteeval.notification.SmsOutbox;
import cn.hlj.remoteeval.security.PersonalDataCipher;

@Service
class JdbcSmsOutbox implements SmsOutbox {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcSmsOutbox.class);

    static final int MAX_TEXT = 500;
    static final int MAX_KEY = 128;

    /** 11 digits, mainland mobile prefixes 13x–19x. */
    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");
    /** Visible ASCII: the key travels in an HTTP header to the gateway. */
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1," + MAX_KEY + "}");

    private final JdbcSmsOutboxStore store;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    JdbcSmsOutbox(JdbcSmsOutboxStore store, PersonalDataCipher cipher, Clock clock) {
        this.store = store;
        this.cipher = cipher;
        this.clock = clock;
    }

    /**
     * Check, then insert: the check answers the usual retry without an error; the unique key
     * answers a concurrent one (the insert waits for the other transaction and then fails), and
     * both answer false. Nothing here aborts the caller's transaction.
     */
    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public boolean enqueue(String idempotencyKey, String mobile, String text) {
        String key = requireKey(idempotencyKey);
        String number = requireMobile(mobile);
        String body = requireText(text);
        if (store.exists(key)) {
            return false;
        }
        String id = UUID.randomUUID().toString();
        try {
            store.insert(id, key, cipher.encrypt(number), cipher.encrypt(body), clock.instant());
        } catch (DuplicateKeyException concurrentDuplicate) {
            return false;
        }
        LOG.debug("SMS {} queued", id);
        return true;
    }

    // The messages below name the rule, never the value: it would be personal data.

    static String requireKey(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException(
                    "SMS idempotency key must be 1 to " + MAX_KEY + " visible ASCII characters without spaces");
        }
        return key;
    }

    static String requireMobile(String mobile) {
        String trimmed = mobile == null ? "" : mobile.strip();
        if (!MOBILE.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("SMS mobile must be an 11-digit mainland mobile number");
        }
        return trimmed;
    }

    static String requireText(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("SMS text must not be empty");
        }
        if (text.codePointCount(0, text.length()) > MAX_TEXT) {
            throw new IllegalArgumentException("SMS text must be at most " + MAX_TEXT + " characters");
        }
        return text;
    }
}
