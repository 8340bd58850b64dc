package cn.hlj.remoteeval.anchor.internal;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.RemoteEvalApplication;
import cn.hlj.remoteeval.reporting.ReportMonth;
import cn.hlj.remoteeval.reporting.ReportSheetSource;

/** The month's head statements as a sheet of the monthly report, so the DRC's copy holds them too. */
@Component
class PublishedHeadsSheet implements ReportSheetSource {

    private static final DateTimeFormatter BEIJING = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final List<String> HEADERS = List.of("日期", "抽取链序号", "抽取链哈希", "审计链序号", "审计链哈希", "签名",
            "公钥指纹", "时间戳", "可信时间戳");

    private final PublishedHeadStore store;

    PublishedHeadsSheet(PublishedHeadStore store) {
        this.store = store;
    }

    @Override
    public String sheetName() {
        return "链头公布";
    }

    @Override
    public String title(ReportMonth month) {
        return month.month().getYear() + "年" + month.month().getMonthValue() + "月公布的哈希链链头";
    }

    @Override
    public List<String> headers() {
        return HEADERS;
    }

    @Override
    public void rows(ReportMonth month, Consumer<List<String>> rows) {
        for (PublishedHead head : store.inMonth(month.month())) {
            HeadStatement s = head.statement();
            rows.accept(List.of(s.date().toString(), Long.toString(s.drawSeq()), s.drawHash(), Long.toString(s.auditSealNo()),
                    s.auditHash(), head.signature(), head.keyFingerprint(),
                    BEIJING.format(LocalDateTime.ofInstant(s.takenAt(), ZoneId.of(RemoteEvalApplication.ZONE))),
                    head.timestampToken() == null ? "无" : "有"));
        }
    }
}
