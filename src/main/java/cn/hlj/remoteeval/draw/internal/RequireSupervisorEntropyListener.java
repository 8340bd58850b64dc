package cn.hlj.remoteeval.draw.internal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.web.TaskInputRefused;

/**
 * User tasks 提交监督随机数, on completion: refuses a completion in Tasklist before the supervisor's page committed
 * a value; the value must never pass through a form, where the server would learn it before the draw.
 */
@Component("requireSupervisorEntropy")
class RequireSupervisorEntropyListener implements TaskListener {

    private final SupervisorEntropyService entropy;

    RequireSupervisorEntropyListener(SupervisorEntropyService entropy) {
        this.entropy = entropy;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!entropy.committed(task.getExecution().getProcessBusinessKey(),
                SupervisorEntropyTasks.kindOf(task.getTaskDefinitionKey()))) {
            throw new TaskInputRefused("尚未在“监督随机数”页面提交随机数承诺；提交后本任务自动完成。");
        }
    }
}
