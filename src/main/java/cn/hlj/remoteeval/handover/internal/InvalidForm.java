package cn.hlj.remoteeval.handover.internal;

import cn.hlj.remoteeval.web.TaskInputRefused;

/**
 * A submitted form the rules refuse. Thrown from a task listener or a start delegate, it fails the
 * completion (or the start) and rolls everything back; Tasklist shows the Chinese message, and the
 * engine REST API answers 422.
 */
class InvalidForm extends TaskInputRefused {

    private static final long serialVersionUID = 1L;

    InvalidForm(String message) {
        super(message);
    }
}
