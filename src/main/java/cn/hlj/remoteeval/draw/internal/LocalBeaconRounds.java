package cn.hlj.remoteeval.draw.internal;

import cn.hlj.remoteeval.draw.beacon.BeaconRound;
import cn.hlj.remoteeval.draw.beacon.BeaconSignatures;

/**
 * The development beacon: signs any round with a key the server holds, in drand's format. It lets the
 * embedded default and the tests draw with the same code path where drand is out of reach, and it proves
 * nothing to anyone, since its holder can sign any round in advance; its key is refused in production
 * (see {@link EntropyConfiguration}).
 */
class LocalBeaconRounds implements BeaconRounds {

    private final byte[] secretKey;

    LocalBeaconRounds(byte[] secretKey) {
        this.secretKey = secretKey.clone();
    }

    @Override
    public BeaconRound fetch(long round) {
        return new BeaconRound(round, BeaconSignatures.sign(secretKey, round));
    }

    @Override
    public boolean signedHere() {
        return true;
    }
}
