package cn.hlj.remoteeval.draw.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The tender id is the business key of every lifecycle instance and of the instances it calls. */
final class BusinessKeys {

    private BusinessKeys() {
    }

    static String tenderId(DelegateExecution execution) {
        String tenderId = execution.getProcessBusinessKey();
        if (tenderId == null || tenderId.isBlank()) {
            throw new IllegalStateException("a draw needs the tender id as the process business key");
        }
        return tenderId;
    }
}
