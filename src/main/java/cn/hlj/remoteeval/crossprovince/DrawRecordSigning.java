package cn.hlj.remoteeval.crossprovince;

import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.draw.DrawRecordSigner;

/** The draw module's signer for exported records: the province's exchange key. */
@Component
class DrawRecordSigning implements DrawRecordSigner {

    private final ProvinceSignatures signatures;

    DrawRecordSigning(ProvinceSignatures signatures) {
        this.signatures = signatures;
    }

    @Override
    public String province() {
        return signatures.province();
    }

    @Override
    public Optional<String> publicKey() {
        return signatures.publicKey();
    }

    @Override
    public byte[] sign(byte[] data) {
        return signatures.sign(data);
    }
}
