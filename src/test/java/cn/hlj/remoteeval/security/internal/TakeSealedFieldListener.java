package cn.hlj.remoteeval.security.internal;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import cn.hlj.remoteeval.security.SealedFormFields;

/** Stands in for a module's listener: takes the sealed field as a domain service would. */
public class TakeSealedFieldListener implements TaskListener {

    static final List<String> TAKEN = new ArrayList<>();

    @Override
    public void notify(DelegateTask task) {
        TAKEN.add(SealedFormFields.takeText(task, "sealedNote"));
    }
}
