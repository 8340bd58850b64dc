package cn.hlj.remoteeval;

import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/** Holds two completions of one task until both have read it, so that they really collide. */
public class BarrierTaskListener implements TaskListener {

    static volatile CyclicBarrier barrier;

    @Override
    public void notify(DelegateTask task) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the second completion never arrived", e);
        }
    }
}
