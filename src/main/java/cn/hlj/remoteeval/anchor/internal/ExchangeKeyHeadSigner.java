package cn.hlj.remoteeval.anchor.internal;

import java.util.HexFormat;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.crossprovince.ProvinceSignatures;

/** The exchange key through {@link ProvinceSignatures}: SM2 over SM3, DER, written in hex for people and forms. */
@Component
class ExchangeKeyHeadSigner implements HeadSigner {

    private static final HexFormat HEX = HexFormat.of();

    private final ProvinceSignatures signatures;

    ExchangeKeyHeadSigner(ProvinceSignatures signatures) {
        this.signatures = signatures;
    }

    @Override
    public String province() {
        return signatures.province();
    }

    @Override
    public Optional<Signed> sign(byte[] data) {
        return signatures.publicKey().map(key -> new Signed(HEX.formatHex(signatures.sign(data)), key,
                ProvinceSignatures.fingerprint(key)));
    }

    @Override
    public boolean verifies(byte[] data, String signature) {
        Optional<String> key = signatures.publicKey();
        try {
            return key.isPresent() && ProvinceSignatures.verify(data, HEX.parseHex(signature), key.get());
        } catch (IllegalArgumentException notHex) {
            return false;
        }
    }

    @Override
    public Optional<String> fingerprint() {
        return signatures.publicKey().map(ProvinceSignatures::fingerprint);
    }
}
