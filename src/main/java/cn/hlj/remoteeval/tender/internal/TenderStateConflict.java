package cn.hlj.remoteeval.tender.internal;

import cn.hlj.remoteeval.tender.TenderState;

/** A transition was asked of a tender in a state that does not allow it. */
class TenderStateConflict extends RuntimeException {

    private final TenderState state;

    TenderStateConflict(String tenderId, TenderState state, String transition) {
        super("Tender " + tenderId + " in state " + state + " cannot " + transition);
        this.state = state;
    }

    TenderState state() {
        return state;
    }
}
