package cn.hlj.remoteeval.crossprovince.hosting;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.security.SealedFormFields;
import cn.hlj.remoteeval.web.ApiProblemException;
import cn.hlj.remoteeval.web.FieldViolation;
import cn.hlj.remoteeval.web.TaskInputRefused;

/**
 * Task 移交音视频资料 of a hosted session, on completion: the material goes to the partner as AV_HANDOVER
 * through {@link HostingHandovers}; the list of files leaves the engine. Whether the partner's receipt is
 * already in decides whether the process still waits for it.
 */
@Component("handOverHostedMaterial")
class HandOverHostedMaterialListener implements TaskListener {

    private final HostingHandovers handovers;

    HandOverHostedMaterialListener(HostingHandovers handovers) {
        this.handovers = handovers;
    }

    @Override
    public void notify(DelegateTask task) {
        String list = SealedFormFields.takeText(task, HostedSessionVariables.SEALED_ITEMS);
        Object medium = task.getVariable(HostedSessionVariables.MEDIUM);
        Object handedAt = task.getVariable(HostedSessionVariables.HANDED_OVER_AT);
        HostingHandovers.HandoverView view;
        try {
            view = handovers.handOverAsTask(EngineActors.hostingId(task), new HostingHandovers.HandoverRequest(
                    medium == null ? null : medium.toString(), handedAt == null ? null : handedAt.toString(), items(list)),
                    EngineActors.completedBy(task));
        } catch (ApiProblemException e) {
            throw new TaskInputRefused(e.violations().isEmpty() ? e.getMessage()
                    : e.violations().stream().map(FieldViolation::message).collect(Collectors.joining("；")));
        }
        task.getExecution().setVariable(HostedSessionVariables.RECEIPT_ARRIVED, view.receiptedAt() != null);
    }

    /** One line per file, {@code 文件名,SHA-256}; the checksum follows the last comma (a full-width one counts). */
    static List<HostingHandovers.Item> items(String list) {
        List<HostingHandovers.Item> items = new ArrayList<>();
        if (list == null) {
            return items;
        }
        for (String line : list.split("\\R")) {
            String text = line.strip();
            if (text.isEmpty()) {
                continue;
            }
            int comma = Math.max(text.lastIndexOf(','), text.lastIndexOf('，'));
            items.add(comma < 0 ? new HostingHandovers.Item(text, "")
                    : new HostingHandovers.Item(text.substring(0, comma).strip(), text.substring(comma + 1).strip()));
        }
        return items;
    }
}
