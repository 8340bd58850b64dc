package cn.hlj.remoteeval.draw.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.draw.DrawVariables;

/**
 * Service task 随机抽取评标专家并发送短信: draws the committee of the tender whose id is the
 * business key. It sets whether it worked, the record's id, the number of seats and the answer
 * window; never an expert, never a seat's venue.
 */
@Component(DrawVariables.DRAW_EXPERTS_DELEGATE)
class ExpertDrawDelegate implements JavaDelegate {

    private final ExpertDrawService draws;
    private final ExpertNoticeProperties notice;
    private final VoiceCallTiming voiceCall;

    ExpertDrawDelegate(ExpertDrawService draws, ExpertNoticeProperties notice, VoiceCallTiming voiceCall) {
        this.draws = draws;
        this.notice = notice;
        this.voiceCall = voiceCall;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ExpertDrawService.DrawSummary summary = draws.draw(BusinessKeys.tenderId(execution));
        execution.setVariable(DrawVariables.EXPERTS_DRAWN, summary.drawn());
        execution.setVariable(DrawVariables.EXPERT_DRAW_ID, summary.drawId());
        execution.setVariable(DrawVariables.EXPERT_SEAT_COUNT, summary.seatCount());
        execution.setVariable(DrawVariables.EXPERT_ANSWER_WINDOW, notice.answerWindow().toString());
        execution.setVariable(DrawVariables.EXPERT_VOICE_CALL_AFTER, voiceCall.after(notice.answerWindow()).toString());
    }
}
