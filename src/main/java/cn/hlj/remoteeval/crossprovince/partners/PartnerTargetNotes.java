package cn.hlj.remoteeval.crossprovince.partners;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.reporting.ReportMonth;
import cn.hlj.remoteeval.reporting.ReportNoteSource;

/**
 * The targets of policy 十 in the province sheet of the monthly report, as they stood on the month's
 * last day: at risk or missed as alerts, met and on track as plain notes.
 */
@Component
class PartnerTargetNotes implements ReportNoteSource {

    static final String TOPIC = "合作省份目标";

    private final PartnerTargetService targets;

    PartnerTargetNotes(PartnerTargetService targets) {
        this.targets = targets;
    }

    @Override
    public List<ReportNote> notes(ReportMonth month) {
        return targets.judge(month.lastDay()).stream()
                .map(status -> new ReportNote(TOPIC, status.text(), status.state().alert())).toList();
    }
}
