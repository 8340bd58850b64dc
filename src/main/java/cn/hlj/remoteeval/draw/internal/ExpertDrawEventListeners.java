package cn.hlj.remoteeval.draw.internal;

import java.time.Instant;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.evaluation.EvaluationEnded;
import cn.hlj.remoteeval.tender.BiddersRecorded;
import cn.hlj.remoteeval.tender.EvaluationMoved;
import cn.hlj.remoteeval.tender.TenderWithdrawn;
import cn.hlj.remoteeval.tender.Tenders;

/**
 * What the expert draw does when others' events commit: bid opening re-checks the drawn experts
 * against the bidders; a moved evaluation or a withdrawn tender cancels the invitations; the end of
 * the evaluation unseals the committee to the supervisor.
 */
@Component
class ExpertDrawEventListeners {

    private final ExpertDrawService draws;
    private final CommitteeSeats seats;
    private final Tenders tenders;

    ExpertDrawEventListeners(ExpertDrawService draws, CommitteeSeats seats, Tenders tenders) {
        this.draws = draws;
        this.seats = seats;
        this.tenders = tenders;
    }

    @ApplicationModuleListener
    void on(BiddersRecorded event) {
        draws.recheckAfterBidOpening(event.tenderId());
    }

    @ApplicationModuleListener
    void on(EvaluationMoved event) {
        draws.cancelAll(event.tenderId(), event.from(), "EVALUATION_MOVED");
    }

    @ApplicationModuleListener
    void on(TenderWithdrawn event) {
        tenders.find(event.tenderId()).ifPresent(tender -> draws.cancelAll(event.tenderId(), tender.slot(), "TENDER_WITHDRAWN"));
    }

    @ApplicationModuleListener
    void on(EvaluationEnded event) {
        Instant at = event.endedAt();
        seats.unseal(event.tenderId(), at);
    }
}
