package cn.hlj.remoteeval.crossprovince.exchange;

import java.util.Optional;

/** The SM2 public keys of the partners this province exchanges with, from the partner register. */
public interface PartnerKeys {

    /** The sender's public key (hex), when the sender is a registered partner with a key. */
    Optional<String> publicKeyOf(String provinceCode);
}
