package cn.hlj.remoteeval.draw.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.LocalTime;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.draw.DrawVariables;

/** The expert draw's delegates are thin: tender id from the business key, one call, ids and counts back. */
class ExpertDrawDelegatesUnitTest {

    private final DelegateExecution execution = mock(DelegateExecution.class);
    private final ExpertDrawService draws = mock(ExpertDrawService.class);
    private final ExpertNoticeProperties notice = new ExpertNoticeProperties(Duration.ofHours(24), Duration.ofMinutes(90),
            LocalTime.of(8, 30), LocalTime.of(13, 30), "【测试】");

    @Test
    void theDrawSetsWhetherItFilledTheCommitteeItsRecordTheSeatCountAndTheAnswerWindow() throws Exception {
        when(execution.getProcessBusinessKey()).thenReturn("t-1");
        when(draws.draw("t-1")).thenReturn(new ExpertDrawService.DrawSummary(true, "d-1", 7));

        new ExpertDrawDelegate(draws, notice, new VoiceCallTiming(0.5)).execute(execution);

        verify(execution).getProcessBusinessKey();
        verify(execution).setVariable(DrawVariables.EXPERTS_DRAWN, true);
        verify(execution).setVariable(DrawVariables.EXPERT_DRAW_ID, "d-1");
        verify(execution).setVariable(DrawVariables.EXPERT_SEAT_COUNT, 7);
        verify(execution).setVariable(DrawVariables.EXPERT_ANSWER_WINDOW, "PT1H30M");
        verify(execution).setVariable(DrawVariables.EXPERT_VOICE_CALL_AFTER, "PT45M");
        verifyNoMoreInteractions(execution);
    }

    @Test
    void aDrawWithoutRandomPickSetsExpertsDrawnFalse() throws Exception {
        when(execution.getProcessBusinessKey()).thenReturn("t-2");
        when(draws.draw("t-2")).thenReturn(new ExpertDrawService.DrawSummary(false, "d-2", 0));

        new ExpertDrawDelegate(draws, notice, new VoiceCallTiming(0.5)).execute(execution);

        verify(execution).setVariable(DrawVariables.EXPERTS_DRAWN, false);
        verify(execution).setVariable(DrawVariables.EXPERT_SEAT_COUNT, 0);
    }

    @Test
    void theSupplementaryDrawTakesTheSeatNumberAndSetsOnlyWhetherItInvitedSomeone() throws Exception {
        when(execution.getProcessBusinessKey()).thenReturn("t-3");
        when(execution.getVariable(DrawVariables.SEAT)).thenReturn(4L);
        when(draws.replace("t-3", 4)).thenReturn(true);

        new ReplaceExpertDelegate(draws).execute(execution);

        verify(draws).replace("t-3", 4);
        verify(execution).getProcessBusinessKey();
        verify(execution).getVariable(DrawVariables.SEAT);
        verify(execution).setVariable(DrawVariables.REPLACEMENT_DRAWN, true);
        verifyNoMoreInteractions(execution);
    }

    @Test
    void theSupplementaryDrawRefusesAnExecutionWithoutASeat() {
        when(execution.getProcessBusinessKey()).thenReturn("t-4");

        assertThatThrownBy(() -> new ReplaceExpertDelegate(draws).execute(execution))
                .isInstanceOf(IllegalStateException.class);
        verifyNoInteractions(draws);
    }

    @Test
    void bothRefuseAProcessWithoutBusinessKey() {
        assertThatThrownBy(() -> new ExpertDrawDelegate(draws, notice, new VoiceCallTiming(0.5)).execute(execution))
                .isInstanceOf(IllegalStateException.class);
        verifyNoInteractions(draws);
    }

    @Test
    void areTheBeansTheBpmnNames() {
        assertThat(ExpertDrawDelegate.class.getAnnotation(Component.class).value()).isEqualTo("drawExperts");
        assertThat(ReplaceExpertDelegate.class.getAnnotation(Component.class).value()).isEqualTo("replaceExpert");
        assertThat(ExpertDrawTiming.class.getAnnotation(Component.class).value()).isEqualTo("expertDrawTiming");
    }
}
