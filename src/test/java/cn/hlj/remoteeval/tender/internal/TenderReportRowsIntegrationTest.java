package cn.hlj.remoteeval.tender.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hlj.remoteeval.reporting.ReportDetailSource;
import cn.hlj.remoteeval.reporting.ReportDetailSource.TenderRow;
import cn.hlj.remoteeval.reporting.ReportMonth;
import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.ControllableClock;
import cn.hlj.remoteeval.testsupport.OwnPeriods;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;
import cn.hlj.remoteeval.testsupport.TenderBody;

/** The report's detail rows: the month's tenders only, in registration order, page after page. */
@RemoteEvalIntegrationTest
class TenderReportRowsIntegrationTest {

    @Autowired
    Api api;
    @Autowired
    ControllableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReportDetailSource source;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theMonthsTendersComeInRegistrationOrderAcrossPagesAndNothingOfTheNextMonth() throws Exception {
        // The month, the next (one registration at its first instant) and the one after (the evaluations).
        ReportMonth month = OwnPeriods.months(3);
        List<String> registered = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            clock.set(month.firstDay().plusDays(i).atTime(10, 0).atZone(ReportMonth.PROVINCE).toInstant());
            registered.add(register(month, "本月标段" + i));
        }
        clock.set(month.end());
        register(month, "下月标段");

        // A tender's state moves on while its venues are drawn: the two readings are compared once it has settled.
        List<TenderRow> rows = new ArrayList<>();
        List<TenderRow> defaultPages = new ArrayList<>();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> {
            rows.clear();
            defaultPages.clear();
            new TenderReportRows(jdbc, 2).tenders(month, rows::add);
            source.tenders(month, defaultPages::add);
            assertThat(defaultPages).isEqualTo(rows);
        });

        assertThat(rows).extracting(TenderRow::sectionCode).containsExactlyElementsOf(registered);
        assertThat(defaultPages).isEqualTo(rows);
        assertThat(rows).filteredOn(row -> row.name().equals("本月标段0")).singleElement().satisfies(row -> {
            assertThat(row.mainCenter()).isEqualTo("HRB");
            assertThat(row.registeredOn()).isEqualTo(month.firstDay());
            assertThat(row.scope()).isEqualTo("INTRA_PROVINCE");
            assertThat(row.state()).isNotBlank();
        });
    }

    private String register(ReportMonth month, String name) throws Exception {
        LocalDate evaluation = month.lastDay().plusMonths(2);
        TenderBody body = TenderBody.valid().with("name", name).with("evaluationDate", evaluation.toString());
        api.register(body);
        return body.sectionCode();
    }

}
