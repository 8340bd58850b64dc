package cn.hlj.remoteeval.handover.internal;

import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.handover.HandoverProcesses;
import cn.hlj.remoteeval.security.StaffStartableProcess;

/** Every center's staff may start 报送违法违规线索; the start delegate then checks the session is their own. */
@Component
class ClueReportStart implements StaffStartableProcess {

    @Override
    public String processDefinitionKey() {
        return HandoverProcesses.CLUE_REPORT;
    }
}
