package cn.hlj.remoteeval.draw.internal;

import cn.hlj.remoteeval.draw.beacon.BeaconRound;

/** Where a beacon's rounds are read: drand's HTTP API, or the development beacon's own key. */
@FunctionalInterface
interface BeaconRounds {

    /**
     * The round's signature as the beacon published it, unchecked.
     *
     * @throws EntropyUnavailableException when the round cannot be had
     */
    BeaconRound fetch(long round);

    /** Whether rounds can be read at all right now (a quick probe, before a notice plans a round). */
    default boolean reachable() {
        return true;
    }

    /** Whether this server signs the rounds itself, so that checking them as they are fetched proves nothing new. */
    default boolean signedHere() {
        return false;
    }
}
