package cn.hlj.remoteeval.draw.internal;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.draw.DrawVariables;
import cn.hlj.remoteeval.web.ApiProblemException;

/**
 * The hosted expert draw's one door to the engine: {@code bpmn/hosted-seat-confirmation.bpmn}, one instance
 * per hosted seat, business key the hosting id, the variable {@code seat} telling the seats apart. The
 * process carries the answer window, the voice call and the supplementary draws; it holds no expert.
 */
@Component
class HostedSeatConfirmations {

    static final String PROCESS_KEY = "hosted-seat-confirmation";
    static final String MESSAGE_ANSWERED = "HostedExpertAnswered";
    static final String REPLACE_FIRST = "replaceFirst";
    static final String REPLACE_DELEGATE = "replaceHostedExpert";
    static final String CALL_DELEGATE = "callUnansweredHostedExpert";
    static final String DELETE_REASON_CANCELLED = "hosting cancelled";

    private final RuntimeService runtime;
    private final ExpertNoticeProperties notice;
    private final VoiceCallTiming voiceCall;

    HostedSeatConfirmations(RuntimeService runtime, ExpertNoticeProperties notice, VoiceCallTiming voiceCall) {
        this.runtime = runtime;
        this.notice = notice;
        this.voiceCall = voiceCall;
    }

    /** Starts the seat's confirmation: waiting for the invited expert, or with the supplementary draw first. */
    void start(String hostingId, int seatNo, boolean replaceFirst) {
        runtime.createProcessInstanceByKey(PROCESS_KEY).businessKey(hostingId)
                .setVariables(Variables.createVariables().putValue(DrawVariables.SEAT, (long) seatNo)
                        .putValue(REPLACE_FIRST, replaceFirst)
                        .putValue(DrawVariables.EXPERT_ANSWER_WINDOW, notice.answerWindow().toString())
                        .putValue(DrawVariables.EXPERT_VOICE_CALL_AFTER, voiceCall.after(notice.answerWindow()).toString()))
                .execute();
    }

    /** The seat's expert answered (an exclusion found at acceptance counts as a refusal). */
    void answered(String hostingId, int seatNo, boolean accepted) {
        try {
            runtime.createMessageCorrelation(MESSAGE_ANSWERED).processInstanceBusinessKey(hostingId)
                    .processInstanceVariableEquals(DrawVariables.SEAT, (long) seatNo)
                    .setVariable(DrawVariables.EXPERT_ACCEPTED, accepted).correlate();
        } catch (MismatchingMessageCorrelationException e) {
            // The answer window closed a moment ago and the supplementary draw is queued.
            throw ApiProblemException.conflict("该邀请已失效（已超过答复时限），无需前往。", null, null);
        }
    }

    /** The seat's invited expert did not arrive before answering: the waiting confirmation draws again at once. */
    void noShowBeforeAnswer(String hostingId, int seatNo) {
        runtime.createMessageCorrelation(MESSAGE_ANSWERED).processInstanceBusinessKey(hostingId)
                .processInstanceVariableEquals(DrawVariables.SEAT, (long) seatNo)
                .setVariable(DrawVariables.EXPERT_ACCEPTED, false).correlate();
    }

    /** The hosting is cancelled: the seats' confirmations stop wherever they are. */
    void cancel(String hostingId) {
        runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(hostingId)
                .list().forEach(instance -> runtime.deleteProcessInstance(instance.getId(), DELETE_REASON_CANCELLED));
    }
}
