package cn.hlj.remoteeval.crossprovince.hosting;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;

/** The partner's acceptance starts the hosted session once; its cancellation and receipt reach it by the hosting id. */
class HostedSessionLifecycleUnitTest {

    private final HostedSessions sessions = mock(HostedSessions.class);
    private final RuntimeService runtime = mock(RuntimeService.class, RETURNS_DEEP_STUBS);
    private final HostedSessionLifecycle lifecycle = new HostedSessionLifecycle(sessions, runtime);

    @Test
    void theAcceptanceStartsTheHostedSessionWithTheHostingIdAsBusinessKey() {
        Map<String, Object> variables = Map.of("hostingId", "h-1");
        when(sessions.processVariables("h-1")).thenReturn(variables);
        when(runtime.createProcessInstanceQuery().processDefinitionKey("hosted-session").processInstanceBusinessKey("h-1").count())
                .thenReturn(0L);

        lifecycle.on(new HostingAccepted("h-1"));

        verify(runtime).startProcessInstanceByKey("hosted-session", "h-1", variables);
    }

    @Test
    void anAcceptanceAgainStartsNothingMore() {
        when(runtime.createProcessInstanceQuery().processDefinitionKey("hosted-session").processInstanceBusinessKey("h-1").count())
                .thenReturn(1L);

        lifecycle.on(new HostingAccepted("h-1"));

        verify(runtime, never()).startProcessInstanceByKey(anyString(), anyString(), anyMap());
        verify(sessions, never()).processVariables(any());
    }

    @Test
    void theCancellationAndTheReceiptAreCorrelatedByTheHostingId() {
        lifecycle.on(new HostingCancelled("h-1"));
        lifecycle.on(new HostedMaterialReceipted("h-1"));

        verify(runtime.createMessageCorrelation("HostingCancelled").processInstanceBusinessKey("h-1")).correlateAll();
        verify(runtime.createMessageCorrelation("HostedMaterialReceipted").processInstanceBusinessKey("h-1")).correlateAll();
    }
}
