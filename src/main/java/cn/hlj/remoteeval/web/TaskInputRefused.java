package cn.hlj.remoteeval.web;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * What a person entered on a task breaks a rule (a box not ticked, a seat that is not the session's):
 * the task stays open and nothing changes. The message is Chinese and is shown to that person as it
 * is, so it names no expert, no other center and no sub-venue. The engine REST API answers it with
 * 422, never 500.
 */
public class TaskInputRefused extends ProcessEngineException {

    private static final long serialVersionUID = 1L;

    public TaskInputRefused(String message) {
        super(message);
    }
}
