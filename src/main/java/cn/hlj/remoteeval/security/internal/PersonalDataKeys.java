package cn.hlj.remoteeval.security.internal;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

/**
 * The two keys of the personal-data cipher, read from configuration: an AES-256 key and a separate
 * HMAC key for blind indexes. The default (embedded, demo) configuration ships published demo keys;
 * a production profile must bring its own, so the application refuses to start with the demo keys
 * there, and everywhere when a key is missing or malformed.
 */
record PersonalDataKeys(byte[] encryptionKey, byte[] indexKey) {

    static final String ENCRYPTION_PROPERTY = "remote-eval.personal-data.encryption-key";
    static final String INDEX_PROPERTY = "remote-eval.personal-data.index-key";
    static final String ENCRYPTION_ENV = "REMOTE_EVAL_PERSONAL_DATA_ENCRYPTION_KEY";
    static final String INDEX_ENV = "REMOTE_EVAL_PERSONAL_DATA_INDEX_KEY";

    /** Published in config/application.yml for the demo; never valid under a production profile. */
    static final String DEMO_ENCRYPTION_KEY = "i7+y2phX/GjgOQRL/cC6/yA+IIDKCIp1LNE/86rkehQ=";
    static final String DEMO_INDEX_KEY = "JzzKHLVveBNUKKtLMrdft1n0yaCdXcRY28CVjeBGJP0=";

    static final int KEY_BYTES = 32;

    /**
     * @param productionProfile whether a profile that holds real personal data is active
     *            ({@code mysql}, {@code keycloak})
     * @throws IllegalStateException with an operator-facing message naming the property and the
     *             environment variable, never the key
     */
    static PersonalDataKeys fromConfiguration(String encryptionKey, String indexKey, boolean productionProfile) {
        byte[] encryption = decode(encryptionKey, ENCRYPTION_PROPERTY, ENCRYPTION_ENV);
        byte[] index = decode(indexKey, INDEX_PROPERTY, INDEX_ENV);
        if (MessageDigest.isEqual(encryption, index)) {
            throw new IllegalStateException("Personal-data keys: " + ENCRYPTION_PROPERTY + " and " + INDEX_PROPERTY
                    + " must be two different keys.");
        }
        if (productionProfile && (isDemo(encryption, DEMO_ENCRYPTION_KEY) || isDemo(index, DEMO_INDEX_KEY))) {
            throw new IllegalStateException("Personal-data keys: the demo keys of the default configuration must not be "
                    + "used with the mysql or keycloak profile. Set " + ENCRYPTION_ENV + " and " + INDEX_ENV
                    + " to two new random 32-byte keys, base64-encoded (e.g. `openssl rand -base64 32`), and keep them "
                    + "outside the repository: data encrypted under one key cannot be read with another.");
        }
        return new PersonalDataKeys(encryption, index);
    }

    private static byte[] decode(String value, String property, String env) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Personal-data keys: " + property + " is not configured. Set the "
                    + "environment variable " + env + " to a random 32-byte key, base64-encoded "
                    + "(e.g. `openssl rand -base64 32`).");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Personal-data keys: " + property + " (" + env + ") is not valid base64.");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException("Personal-data keys: " + property + " (" + env + ") must decode to "
                    + KEY_BYTES + " bytes, not " + key.length + ".");
        }
        return key;
    }

    private static boolean isDemo(byte[] key, String demo) {
        return MessageDigest.isEqual(key, Base64.getDecoder().decode(demo));
    }

    /** Never the key material. */
    @Override
    public String toString() {
        return "PersonalDataKeys[****]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PersonalDataKeys keys && Arrays.equals(encryptionKey, keys.encryptionKey)
                && Arrays.equals(indexKey, keys.indexKey);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(encryptionKey) + Arrays.hashCode(indexKey);
    }
}
