package cn.hlj.remoteeval.crossprovince.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

import cn.hlj.remoteeval.expert.ExpertPool;
import cn.hlj.remoteeval.expert.ExpertPoolChanged;
import cn.hlj.remoteeval.venue.TradingCenter;
import cn.hlj.remoteeval.venue.TradingCenters;
import cn.hlj.remoteeval.venue.WorkstationDirectoryChanged;

/**
 * The debounce of publication on change: a burst of changes to a directory is one publication of that
 * directory only, at the next tick; a change during a publication is the next tick's; a publication that
 * fails is tried again at the next tick.
 */
class DirectoryChangesUnitTest {

    private static final Instant T0 = Instant.parse("2026-12-07T01:00:00Z");
    private static final DirectoryPublisher.Outcome ONE_QUEUED = new DirectoryPublisher.Outcome(1, 0, 0, 0);

    private final DirectoryPublisher publisher = mock(DirectoryPublisher.class);
    private final DirectoryChanges changes = new DirectoryChanges(publisher);

    @Test
    void marksKeepTheEarliestChangeAndATakeClearsThem() {
        DirtyDirectories dirty = new DirtyDirectories();
        dirty.mark(DirectoryKind.WORKSTATION, T0.plusSeconds(30));
        dirty.mark(DirectoryKind.WORKSTATION, T0);
        dirty.mark(DirectoryKind.WORKSTATION, T0.plusSeconds(60));

        assertThat(dirty.since(DirectoryKind.WORKSTATION)).contains(T0);
        assertThat(dirty.since(DirectoryKind.EXPERT)).isEmpty();
        assertThat(dirty.take()).containsExactly(Map.entry(DirectoryKind.WORKSTATION, T0));
        assertThat(dirty.take()).isEmpty();
        assertThat(dirty.since(DirectoryKind.WORKSTATION)).isEmpty();
    }

    @Test
    void aBurstOfWorkstationChangesIsOnePublicationOfTheWorkstationDirectoryOnly() {
        when(publisher.publish(any())).thenReturn(ONE_QUEUED);
        for (int i = 0; i < 20; i++) {
            changes.on(new WorkstationDirectoryChanged(T0.plusSeconds(i)));
        }

        assertThat(changes.dirtySince(DirectoryKind.WORKSTATION)).contains(T0);
        assertThat(changes.publishDirty()).isEqualTo(ONE_QUEUED);
        assertThat(changes.publishDirty().messagesQueued()).isZero();

        verify(publisher, times(1)).publish(Set.of(DirectoryKind.WORKSTATION));
        verify(publisher, never()).publishAll();
        assertThat(changes.dirtySince(DirectoryKind.WORKSTATION)).isEmpty();
    }

    @Test
    void thePoolIsCountedOnceForAnyNumberOfStatusChangesAndBothKindsGoTogether() {
        when(publisher.publish(any())).thenReturn(ONE_QUEUED);
        for (int i = 0; i < 1_000; i++) {
            changes.on(new ExpertPoolChanged(T0.plusMillis(i)));
        }
        changes.on(new WorkstationDirectoryChanged(T0));

        changes.publishDirty();

        verify(publisher, times(1)).publish(Set.of(DirectoryKind.EXPERT, DirectoryKind.WORKSTATION));
    }

    @Test
    void nothingChangedIsNothingCounted() {
        assertThat(changes.publishDirty()).isEqualTo(new DirectoryPublisher.Outcome(0, 0, 0, 0));

        verify(publisher, never()).publish(any());
    }

    @Test
    void aChangeWhileTheDirectoryIsBeingPublishedGoesOutAtTheNextTick() {
        when(publisher.publish(any())).thenAnswer(call -> {
            // Committed after the mark was taken, perhaps after the count: published again.
            changes.on(new ExpertPoolChanged(T0.plusSeconds(5)));
            return ONE_QUEUED;
        }).thenReturn(ONE_QUEUED);
        changes.on(new ExpertPoolChanged(T0));

        changes.publishDirty();
        assertThat(changes.dirtySince(DirectoryKind.EXPERT)).contains(T0.plusSeconds(5));
        changes.publishDirty();

        verify(publisher, times(2)).publish(Set.of(DirectoryKind.EXPERT));
        assertThat(changes.dirtySince(DirectoryKind.EXPERT)).isEmpty();
    }

    @Test
    void aPublicationThatFailsIsTriedAgainAtTheNextTickSinceTheSameChange() {
        when(publisher.publish(any())).thenThrow(new DataAccessResourceFailureException("database away"))
                .thenReturn(ONE_QUEUED);
        changes.on(new WorkstationDirectoryChanged(T0));

        assertThatThrownBy(changes::publishDirty).isInstanceOf(DataAccessResourceFailureException.class);
        assertThat(changes.dirtySince(DirectoryKind.WORKSTATION)).contains(T0);
        changes.on(new WorkstationDirectoryChanged(T0.plusSeconds(90)));
        changes.publishDirty();

        verify(publisher, times(2)).publish(Set.of(DirectoryKind.WORKSTATION));
        assertThat(changes.dirtySince(DirectoryKind.WORKSTATION)).isEmpty();
    }

    @Test
    void aChangedWorkstationDirectoryDoesNotCountTheExpertPool() {
        ExpertPool pool = mock(ExpertPool.class);
        TradingCenters centers = mock(TradingCenters.class);
        when(centers.all()).thenReturn(List.of(new TradingCenter("HRB", "哈尔滨市公共资源交易中心", true)));
        when(centers.crossProvinceWorkstationsInService(LocalDate.of(2026, 12, 7))).thenReturn(Map.of("HRB", 3));
        DirectoryPublisher real = new DirectoryPublisher(pool, centers, null, null, null,
                Clock.fixed(T0, ZoneId.of("Asia/Shanghai")));

        assertThat(real.current(Set.of(DirectoryKind.WORKSTATION))).singleElement()
                .satisfies(d -> assertThat(d.kind()).isEqualTo(DirectoryKind.WORKSTATION));
        assertThat(real.current(Set.of())).isEmpty();
        assertThat(real.publish(Set.of())).isEqualTo(new DirectoryPublisher.Outcome(0, 0, 0, 0));

        verify(pool, never()).inServiceCounts();
    }
}
