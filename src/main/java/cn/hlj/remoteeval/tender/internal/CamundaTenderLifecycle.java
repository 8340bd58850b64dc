package cn.hlj.remoteeval.tender.internal;

import static cn.hlj.remoteeval.tender.internal.LifecycleVariables.*;

import java.math.BigDecimal;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/** Camunda 7 behind the {@link TenderLifecycle} port, through the engine's public API only. */
@Component
class CamundaTenderLifecycle implements TenderLifecycle {

    private final RuntimeService runtime;

    CamundaTenderLifecycle(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public void start(Tender tender) {
        EpcParts parts = tender.epcParts();
        VariableMap facts = Variables.createVariables()
                .putValue(TENDER_ID, tender.id())
                .putValue(SECTION_CODE, tender.sectionCode())
                .putValue(TENDER_NAME, tender.name())
                .putValue(EXEMPTION_REASON, tender.exemption() == null ? null : tender.exemption().reason().name())
                .putValue(EXEMPT, tender.exemption() != null)
                .putValue(MAIN_CENTER, tender.mainCenter())
                .putValue(CATEGORY, tender.category().name())
                .putValueTyped(ESTIMATED_PRICE, amount(tender.estimatedPrice()))
                .putValueTyped(CONSTRUCTION_PART, amount(parts == null ? null : parts.constructionPart()))
                .putValueTyped(GOODS_PART, amount(parts == null ? null : parts.goodsPart()))
                .putValueTyped(SERVICES_PART, amount(parts == null ? null : parts.servicesPart()))
                .putValue(EXPERT_SHORTAGE, tender.expertShortageAsserted())
                .putValue(REGULATION_REQUIRES_CROSS_PROVINCE, tender.regulationRequiresCrossProvince())
                .putValue(EVALUATION_DATE, tender.evaluationDate().toString())
                .putValue(HALF_DAY, tender.halfDay().name());
        runtime.createProcessInstanceByKey(PROCESS_KEY)
                .businessKey(tender.id())
                .setVariables(facts)
                .execute();
    }

    @Override
    public void winningBidderRecorded(String tenderId) {
        correlate(MESSAGE_WINNING_BIDDER_RECORDED, tenderId);
    }

    @Override
    public void exemptionExplanationFiled(String tenderId, String explanationText) {
        runtime.createMessageCorrelation(MESSAGE_EXEMPTION_EXPLANATION_FILED).processInstanceBusinessKey(tenderId)
                .setVariable(EXPLANATION_TEXT, explanationText)
                .correlate();
    }

    private void correlate(String message, String tenderId) {
        runtime.createMessageCorrelation(message).processInstanceBusinessKey(tenderId).correlate();
    }

    /**
     * Amounts reach the DMN as BigDecimal, so the "及以上" boundaries are compared exactly, never
     * through a double. They are transient: the scope decision runs in the start transaction and
     * needs them nowhere else, and the tender keeps them; so they are never serialised or stored
     * in the engine.
     */
    private static TypedValue amount(BigDecimal value) {
        return value == null ? Variables.untypedNullValue(true) : Variables.objectValue(value, true).create();
    }
}
