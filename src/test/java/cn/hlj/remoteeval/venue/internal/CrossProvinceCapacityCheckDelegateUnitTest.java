package cn.hlj.remoteeval.venue.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

class CrossProvinceCapacityCheckDelegateUnitTest {

    @Test
    void setsTheCountAsAnIntegerAndTheReportAsText() throws Exception {
        CrossProvinceCapacityWatch watch = mock(CrossProvinceCapacityWatch.class);
        when(watch.check()).thenReturn(new CrossProvinceCapacityWatch.Report(2, "报告"));
        DelegateExecution execution = mock(DelegateExecution.class);

        new CrossProvinceCapacityCheckDelegate(watch).execute(execution);

        verify(execution).setVariable("shortfallCount", (Object) Integer.valueOf(2));
        verify(execution).setVariable("shortfallReport", (Object) "报告");
        assertThat(CrossProvinceCapacityCheckDelegate.SHORTFALL_COUNT).isEqualTo("shortfallCount");
    }
}
