package cn.hlj.remoteeval.reporting.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import cn.hlj.remoteeval.reporting.MonthlyFigureSource;
import cn.hlj.remoteeval.reporting.ReportDetailSource;
import cn.hlj.remoteeval.reporting.ReportNoteSource;
import cn.hlj.remoteeval.venue.TradingCenter;
import cn.hlj.remoteeval.venue.TradingCenters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The seeded directory of 14 centers and a clock fixed in the province, without Spring. */
final class ReportFixtures {

    static final List<TradingCenter> CENTERS = List.of(
            new TradingCenter("PROV", "黑龙江省公共资源交易中心", true),
            new TradingCenter("HRB", "哈尔滨市公共资源交易中心", true),
            new TradingCenter("QQHR", "齐齐哈尔市公共资源交易中心", true),
            new TradingCenter("MDJ", "牡丹江市公共资源交易中心", false),
            new TradingCenter("JMS", "佳木斯市公共资源交易中心", false),
            new TradingCenter("DQ", "大庆市公共资源交易中心", false),
            new TradingCenter("JX", "鸡西市公共资源交易中心", false),
            new TradingCenter("SYS", "双鸭山市公共资源交易中心", false),
            new TradingCenter("YC", "伊春市公共资源交易中心", false),
            new TradingCenter("QTH", "七台河市公共资源交易中心", false),
            new TradingCenter("HG", "鹤岗市公共资源交易中心", false),
            new TradingCenter("HH", "黑河市公共资源交易中心", false),
            new TradingCenter("SH", "绥化市公共资源交易中心", false),
            new TradingCenter("DXAL", "大兴安岭地区公共资源交易中心", false));

    /** 2026-11-02 09:30 in the province. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-02T01:30:00Z"), ZoneId.of("Asia/Shanghai"));

    private ReportFixtures() {
    }

    static TradingCenters directory() {
        return new TradingCenters() {
            @Override
            public List<TradingCenter> all() {
                return CENTERS;
            }

            @Override
            public Optional<TradingCenter> find(String code) {
                return CENTERS.stream().filter(c -> c.code().equals(code)).findFirst();
            }

            @Override
            public Optional<String> noticeAddressOf(String code) {
                return Optional.empty();
            }

            @Override
            public void changeNoticeAddress(String code, String address) {
                throw new UnsupportedOperationException();
            }
        };
    }

    static MonthlyReportService service(List<MonthlyFigureSource> figures, List<ReportNoteSource> notes,
            List<ReportDetailSource> details, Clock clock) {
        return new MonthlyReportService(directory(), figures, notes, details, List.of(), clock, new SimpleMeterRegistry());
    }

    static MonthlyReportService service(List<MonthlyFigureSource> figures, List<ReportNoteSource> notes,
            List<ReportDetailSource> details) {
        return service(figures, notes, details, CLOCK);
    }
}
