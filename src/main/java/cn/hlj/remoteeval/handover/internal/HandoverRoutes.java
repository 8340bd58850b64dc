package cn.hlj.remoteeval.handover.internal;

import org.springframework.stereotype.Component;

/**
 * Where a hand-over leg goes (gateway 由谁移交 in av-handover-leg): a partner province's material comes
 * by message, a session here is handed over by its staff. Public: the engine's expression language calls only public classes' methods.
 */
@Component("handoverRoutes")
public class HandoverRoutes {

    private final HandoverService handovers;

    HandoverRoutes(HandoverService handovers) {
        this.handovers = handovers;
    }

    /** A partner's session whose material has not arrived yet: the leg waits for the message. */
    public boolean awaitPartner(String handoverId) {
        return handovers.fromPartner(handoverId) && !handovers.handedOver(handoverId);
    }

    /** A partner's session whose material is here already: straight to the main venue's receipt. */
    public boolean partnerMaterialHere(String handoverId) {
        return handovers.fromPartner(handoverId) && handovers.handedOver(handoverId);
    }
}
