package cn.hlj.remoteeval.handover.internal;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A submitted form the rules refuse. Thrown from a task listener or a start delegate, it fails the
 * completion (or the start) and rolls everything back; Tasklist shows the Chinese message.
 */
class InvalidForm extends ProcessEngineException {

    private static final long serialVersionUID = 1L;

    InvalidForm(String message) {
        super(message);
    }
}
