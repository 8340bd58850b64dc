package cn.hlj.remoteeval.draw;

import java.util.Optional;

/**
 * Signs exported draw records with the province's key (SM2 over SM3, DER-encoded signature). The draw
 * module declares it and the module that holds the province's key provides it, so that the draw module
 * does not depend on that module.
 */
public interface DrawRecordSigner {

    /** The province's code, e.g. {@code HL}. */
    String province();

    /** The public key as hex (uncompressed point {@code 04‖X‖Y}); empty while no key is configured. */
    Optional<String> publicKey();

    /** The DER-encoded SM2 signature of the bytes. */
    byte[] sign(byte[] data);
}
