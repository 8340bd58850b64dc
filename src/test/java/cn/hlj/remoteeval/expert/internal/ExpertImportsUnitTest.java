package cn.hlj.remoteeval.expert.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;

import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.expert.internal.ExpertImportView.Phase;
import cn.hlj.remoteeval.expert.internal.ExpertImportView.State;
import cn.hlj.remoteeval.testsupport.FakeIdentities;
import cn.hlj.remoteeval.venue.TradingCenter;
import cn.hlj.remoteeval.venue.TradingCenters;

/** The two passes of an import: progress written while rows are read; nothing written unless every row is right. */
class ExpertImportsUnitTest {

    @TempDir
    Path dir;

    private final JdbcExpertImports store = mock(JdbcExpertImports.class);
    private final ExpertWriter writer = mock(ExpertWriter.class);
    private final JdbcSpecialties specialties = mock(JdbcSpecialties.class);
    private final TradingCenters centers = mock(TradingCenters.class);
    private final AuditLog audit = mock(AuditLog.class);
    private ExpertImports imports;

    @BeforeEach
    void setUp() {
        when(specialties.codes()).thenReturn(Set.of("A0101"));
        when(centers.all()).thenReturn(List.of(new TradingCenter("HRB", "哈尔滨", true)));
        when(writer.upsert(anyList(), anyString(), anyString(), any()))
                .thenAnswer(call -> new ExpertWriter.Counts(((List<?>) call.getArgument(0)).size(), 0, 0));
        imports = new ExpertImports(store, writer, specialties, centers, audit, mock(ApplicationEventPublisher.class),
                Clock.fixed(Instant.parse("2026-11-24T02:00:00Z"), ZoneId.of("Asia/Shanghai")),
                mock(PlatformTransactionManager.class), 131_072, 200_000, 4);
    }

    private Path csv(int rows, int badRow) throws IOException {
        StringBuilder text = new StringBuilder("姓名,身份证号,手机号,专业代码,专家类别,工作单位,所在地市\n");
        for (int i = 0; i < rows; i++) {
            String mobile = i == badRow ? "2" + FakeIdentities.mobile().substring(1) : FakeIdentities.mobile();
            text.append(FakeIdentities.name()).append(',').append(FakeIdentities.idNumber()).append(',').append(mobile)
                    .append(",A0101,技术,示例单位,HRB\n");
        }
        return Files.writeString(dir.resolve("experts.csv"), text, StandardCharsets.UTF_8);
    }

    @Test
    void progressIsWrittenWhileTheRowsAreCheckedThenEveryRowIsWrittenInChunks() throws IOException {
        Path file = csv(2_500, -1);

        assertThat(imports.run("import-1", file, StreamingTable.Format.CSV, "pool-admin"))
                .isEqualTo(ExpertImports.Outcome.SUCCEEDED);

        ArgumentCaptor<JdbcExpertImports.Progress> progress = ArgumentCaptor.forClass(JdbcExpertImports.Progress.class);
        verify(store, org.mockito.Mockito.times(2)).progress(eq("import-1"), eq(Phase.VALIDATING), progress.capture(),
                any());
        assertThat(progress.getAllValues()).extracting(JdbcExpertImports.Progress::rowsRead).containsExactly(1_000L,
                2_000L);
        verify(store).progress(eq("import-1"), eq(Phase.WRITING), any(), any());
        verify(writer, org.mockito.Mockito.times(5)).upsert(anyList(), eq("IMPORT:import-1"), eq("pool-admin"), any());
        ArgumentCaptor<ExpertWriter.Counts> counts = ArgumentCaptor.forClass(ExpertWriter.Counts.class);
        verify(store).finish(eq("import-1"), eq(State.SUCCEEDED), any(), counts.capture(), any());
        assertThat(counts.getValue().created()).isEqualTo(2_500);
        assertThat(file).doesNotExist();
    }

    @Test
    void aBadRowLateInTheFileMeansNothingIsWritten() throws IOException {
        Path file = csv(2_500, 2_400);

        assertThat(imports.run("import-2", file, StreamingTable.Format.CSV, "pool-admin"))
                .isEqualTo(ExpertImports.Outcome.REJECTED);

        verify(writer, never()).upsert(anyList(), anyString(), anyString(), any());
        ArgumentCaptor<JdbcExpertImports.Progress> progress = ArgumentCaptor.forClass(JdbcExpertImports.Progress.class);
        verify(store).finish(eq("import-2"), eq(State.REJECTED), progress.capture(), eq(null), any());
        assertThat(progress.getValue().rowsRead()).isEqualTo(2_500);
        assertThat(progress.getValue().rowsValid()).isEqualTo(2_499);
        assertThat(progress.getValue().errors()).extracting(e -> e.field()).containsExactly("第2402行.手机号");
        verify(audit).append(any(), eq("pool-admin"), eq("EXPERT_IMPORT_REJECTED"), eq("expert-import"), eq("import-2"),
                anyString());
        assertThat(file).doesNotExist();
    }

    @Test
    void onlyTheFirst200ProblemsAreListedButAllAreCounted() throws IOException {
        StringBuilder text = new StringBuilder("姓名,身份证号,手机号,专业代码,专家类别,工作单位,所在地市\n");
        for (int i = 0; i < 300; i++) {
            text.append(",,,,,,\u3000x\n");
        }
        Path file = Files.writeString(dir.resolve("bad.csv"), text, StandardCharsets.UTF_8);

        imports.run("import-3", file, StreamingTable.Format.CSV, "pool-admin");

        ArgumentCaptor<JdbcExpertImports.Progress> progress = ArgumentCaptor.forClass(JdbcExpertImports.Progress.class);
        verify(store).finish(eq("import-3"), eq(State.REJECTED), progress.capture(), eq(null), any());
        assertThat(progress.getValue().errorCount()).isEqualTo(300 * 7);
        assertThat(progress.getValue().errors()).hasSize(200);
        List<String> firstFields = new ArrayList<>();
        progress.getValue().errors().subList(0, 2).forEach(e -> firstFields.add(e.field()));
        assertThat(firstFields).containsExactly("第2行.姓名", "第2行.身份证号");
    }
}
