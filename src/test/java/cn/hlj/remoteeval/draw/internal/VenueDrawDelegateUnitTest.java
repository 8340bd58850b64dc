package cn.hlj.remoteeval.draw.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.draw.DrawVariables;

/** The delegate is thin: tender id from the business key, one call, one boolean variable. */
class VenueDrawDelegateUnitTest {

    private final DelegateExecution execution = mock(DelegateExecution.class);
    private final List<String> drawnFor = new ArrayList<>();

    @Test
    void setsVenuesDrawnTrueWhenTheDrawBookedTheVenues() throws Exception {
        when(execution.getProcessBusinessKey()).thenReturn("t-1");

        new VenueDrawDelegate(tenderId -> drawnFor.add(tenderId)).execute(execution);

        assertThat(drawnFor).containsExactly("t-1");
        verify(execution).getProcessBusinessKey();
        verify(execution).setVariable("venuesDrawn", true);
        verifyNoMoreInteractions(execution);
    }

    @Test
    void setsVenuesDrawnFalseForTheFallback() throws Exception {
        when(execution.getProcessBusinessKey()).thenReturn("t-2");

        new VenueDrawDelegate(tenderId -> false).execute(execution);

        verify(execution).getProcessBusinessKey();
        verify(execution).setVariable(DrawVariables.VENUES_DRAWN, false);
        verifyNoMoreInteractions(execution);
    }

    @Test
    void refusesAProcessWithoutBusinessKey() {
        assertThatThrownBy(() -> new VenueDrawDelegate(tenderId -> drawnFor.add(tenderId)).execute(execution))
                .isInstanceOf(IllegalStateException.class);
        assertThat(drawnFor).isEmpty();
    }

    @Test
    void isTheBeanTheLifecycleNames() {
        assertThat(VenueDrawDelegate.class.getAnnotation(Component.class).value()).isEqualTo("drawVenues");
        assertThat(DrawVariables.VENUES_DRAWN).isEqualTo("venuesDrawn");
    }
}
