package cn.hlj.remoteeval.crossprovince.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Component;

/** The lifecycle's service task 请求合作省份抽取评标专家 is thin: the tender id from the business key, one call, nothing set. */
class RequestPartnerExpertDrawDelegateUnitTest {

    private final DelegateExecution execution = mock(DelegateExecution.class);
    private final PartnerExpertDraws draws = mock(PartnerExpertDraws.class);

    @Test
    void asksThePartnerForTheTenderOfTheBusinessKeyAndSetsNothing() throws Exception {
        when(execution.getProcessBusinessKey()).thenReturn("t-1");

        new RequestPartnerExpertDrawDelegate(draws).execute(execution);

        verify(draws).request("t-1");
        verify(execution).getProcessBusinessKey();
        verifyNoMoreInteractions(execution, draws);
    }

    @Test
    void refusesAProcessWithoutBusinessKey() {
        assertThatThrownBy(() -> new RequestPartnerExpertDrawDelegate(draws).execute(execution))
                .isInstanceOf(IllegalStateException.class);
        verifyNoInteractions(draws);
    }

    @Test
    void isTheBeanTheBpmnNames() {
        assertThat(RequestPartnerExpertDrawDelegate.class.getAnnotation(Component.class).value())
                .isEqualTo("requestPartnerExpertDraw");
    }
}
