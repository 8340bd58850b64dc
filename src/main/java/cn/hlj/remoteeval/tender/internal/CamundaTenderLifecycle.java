package cn.hlj.remoteeval.tender.internal;

import static cn.hlj.remoteeval.tender.internal.LifecycleVariables.*;

import java.math.BigDecimal;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.venue.Slot;
import cn.hlj.remoteeval.web.ApiProblemException;

/** Camunda 7 behind the {@link TenderLifecycle} port, through the engine's public API only. */
@Component
class CamundaTenderLifecycle implements TenderLifecycle {

    private final RuntimeService runtime;
    private final TaskService tasks;

    CamundaTenderLifecycle(RuntimeService runtime, TaskService tasks) {
        this.runtime = runtime;
        this.tasks = tasks;
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
                .putValue(EXPERT_SHORTAGE, tender.expertShortage())
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

    @Override
    public void negotiatedVenuesEntered(String tenderId) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(tenderId)
                .taskDefinitionKey(TASK_ENTER_NEGOTIATED_VENUES).singleResult();
        if (task == null) {
            throw new ProcessEngineException("Tender " + tenderId + " has no open task " + TASK_ENTER_NEGOTIATED_VENUES);
        }
        tasks.complete(task.getId());
    }

    @Override
    public void partnerAssignmentReceived(String tenderId, boolean throughExchange) {
        runtime.createMessageCorrelation(MESSAGE_PARTNER_ASSIGNMENT_RECEIVED).processInstanceBusinessKey(tenderId)
                .setVariable(PLAN_THROUGH_EXCHANGE, throughExchange)
                .correlate();
    }

    @Override
    public void partnerExpertsDrawn(String tenderId, boolean anyShort) {
        runtime.createMessageCorrelation(MESSAGE_PARTNER_EXPERTS_DRAWN).processInstanceBusinessKey(tenderId)
                .setVariable(PARTNER_EXPERTS_SHORT, anyShort)
                .correlate();
    }

    @Override
    public void evaluationMoved(String tenderId, Slot to) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(tenderId).singleResult();
        if (instance == null) {
            return;
        }
        runtime.setVariables(instance.getId(), Variables.createVariables().putValue(EVALUATION_DATE, to.date().toString())
                .putValue(HALF_DAY, to.halfDay().name()));
        // Only a lifecycle that waits for the expert draw subscribes; elsewhere the new slot is all that changes.
        runtime.createMessageCorrelation(MESSAGE_EVALUATION_MOVED).processInstanceBusinessKey(tenderId).correlateAll();
    }

    @Override
    public void withdrawn(String tenderId) {
        runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(tenderId)
                .list().forEach(instance -> runtime.deleteProcessInstance(instance.getId(), DELETE_REASON_WITHDRAWN));
    }

    @Override
    public void expertAnswered(String tenderId, int seat, boolean accepted) {
        // The seat's confirmation runs as its own called instance with the same business key; the
        // seat number tells them apart.
        try {
            runtime.createMessageCorrelation(MESSAGE_EXPERT_ANSWERED).processInstanceBusinessKey(tenderId)
                    .processInstanceVariableEquals(SEAT, (long) seat)
                    .setVariable(EXPERT_ACCEPTED, accepted)
                    .correlate();
        } catch (MismatchingMessageCorrelationException e) {
            // The seat no longer waits: its answer window closed a moment ago and its supplementary draw is queued.
            throw ApiProblemException.conflict("该邀请已失效（已超过答复时限），无需前往。", null, null);
        }
    }

    @Override
    public void expertSeatVacated(String tenderId, int seat) {
        runtime.createMessageCorrelation(MESSAGE_EXPERT_SEAT_VACATED).processInstanceBusinessKey(tenderId)
                .setVariableLocal(SEAT, (long) seat)
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
