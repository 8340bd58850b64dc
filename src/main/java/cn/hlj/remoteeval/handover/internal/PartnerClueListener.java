package cn.hlj.remoteeval.handover.internal;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.hlj.remoteeval.crossprovince.PartnerCluePassedOn;

/**
 * A partner's sub-venue session passed on a clue through the exchange: in the transaction that accepts
 * the message, the clue is recorded and 报送违法违规线索 starts at its message start event, so the main
 * venue receives and transfers it as it does a local sub-venue's clue.
 */
@Component
class PartnerClueListener {

    static final String MESSAGE = "PartnerCluePassedOn";

    private final ClueService clues;
    private final RuntimeService runtime;

    PartnerClueListener(ClueService clues, RuntimeService runtime) {
        this.clues = clues;
        this.runtime = runtime;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(PartnerCluePassedOn event) {
        ClueService.ReportedClue clue = clues.passedOnByPartner(new ClueService.PartnerClue(event.tenderId(),
                event.sessionRef(), event.category(), event.foundOn(), event.descriptionCipher(), event.passedBy()));
        runtime.startProcessInstanceByMessage(MESSAGE, clue.tenderId(), Map.of(HandoverVariables.CLUE_ID, clue.clueId(),
                HandoverVariables.MAIN_CENTER, clue.mainCenter(), HandoverVariables.SESSION_CODE, event.sessionRef()));
    }
}
