package cn.hlj.remoteeval.tender.internal;

import static cn.hlj.remoteeval.tender.internal.LifecycleVariables.TENDER_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Execution listeners on the lifecycle's call activities 评标 and 音视频资料移交: the tender's state
 * follows the evaluation day and the hand-over that other modules run in their own processes.
 */
final class EvaluationStageListeners {

    private EvaluationStageListeners() {
    }

    /** Start of call activity EvaluationDay. */
    @Component("tenderEvaluationStarted")
    static class Started implements ExecutionListener {

        private final TenderService tenders;

        Started(TenderService tenders) {
            this.tenders = tenders;
        }

        @Override
        public void notify(DelegateExecution execution) {
            tenders.evaluationStarted((String) execution.getVariable(TENDER_ID));
        }
    }

    /** End of call activity EvaluationDay: every member signed. */
    @Component("tenderEvaluationEnded")
    static class Ended implements ExecutionListener {

        private final TenderService tenders;

        Ended(TenderService tenders) {
            this.tenders = tenders;
        }

        @Override
        public void notify(DelegateExecution execution) {
            tenders.evaluationEnded((String) execution.getVariable(TENDER_ID));
        }
    }

    /** End of call activity AvHandover: the tenderer has the material. */
    @Component("tenderMaterialHandedOver")
    static class HandedOver implements ExecutionListener {

        private final TenderService tenders;

        HandedOver(TenderService tenders) {
            this.tenders = tenders;
        }

        @Override
        public void notify(DelegateExecution execution) {
            tenders.materialHandedOver((String) execution.getVariable(TENDER_ID));
        }
    }
}
