package cn.hlj.remoteeval.security;

/**
 * A process that every center's staff may start themselves from Tasklist (any center can be a
 * sub-venue). Declared as a bean by the module that owns the model; the application's engine
 * authorizations grant the start to every staff group at start-up.
 */
public interface StaffStartableProcess {

    /** The process definition key. */
    String processDefinitionKey();
}
