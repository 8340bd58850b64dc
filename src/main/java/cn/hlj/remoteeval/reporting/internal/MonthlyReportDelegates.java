package cn.hlj.remoteeval.reporting.internal;

import static cn.hlj.remoteeval.reporting.internal.MonthlyReportVariables.*;

import java.time.YearMonth;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.hlj.remoteeval.deadline.DeadlineTicket;
import cn.hlj.remoteeval.deadline.DeadlineVariables;
import cn.hlj.remoteeval.reporting.ReportMonth;
import cn.hlj.remoteeval.security.CurrentActor;
import cn.hlj.remoteeval.web.TaskInputRefused;

/** The delegates and task listeners {@code bpmn/monthly-report.bpmn} names. */
@Configuration(proxyBeanMethods = false)
class MonthlyReportDelegates {

    static final int REMINDED_PRIORITY = 80;
    static final Set<String> CENTER_REMARKS = Set.of("NONE", "CORRECTED_BY_SOURCE", "EXPLAINED_TO_PROVINCE");
    static final Set<String> SUPERVISION_ACTIONS = Set.of("URGED", "INTERVIEWED", "RECORDED");

    /** Service task 开始计算报送期限: the deadline's id and due time as variables of the instance itself. */
    @Bean("openMonthlyReportDeadline")
    JavaDelegate openMonthlyReportDeadline(MonthlyReportReviews reviews) {
        return execution -> {
            DeadlineTicket ticket = reviews.openDeadline(month(execution));
            var instance = execution.getProcessInstance();
            instance.setVariable(DeadlineVariables.DEADLINE_ID, ticket.id());
            if (ticket.dueAtAsDate() != null) {
                instance.setVariable(DeadlineVariables.DEADLINE_DUE_AT, ticket.dueAtAsDate());
            }
        };
    }

    /** On completion of 审核本中心月度数据: the center confirmed its own figures. */
    @Bean("recordCenterReview")
    TaskListener recordCenterReview(MonthlyReportReviews reviews) {
        return task -> {
            if (!checked(task.getVariable(CENTER_FIGURES_CONFIRMED))) {
                throw new TaskInputRefused("请勾选“已核对本中心月度数据”");
            }
            Object remark = task.getVariable(CENTER_REMARK);
            if (remark != null && !remark.toString().isBlank() && !CENTER_REMARKS.contains(remark.toString())) {
                throw new TaskInputRefused("核对说明的取值无效");
            }
            String center = (String) task.getVariable(CENTER_CODE);
            reviews.audit(completedBy(task), "MONTHLY_REPORT_CENTER_CONFIRMED", month(task),
                    "center " + center + (remark == null || remark.toString().isBlank() ? "" : ", " + remark));
        };
    }

    /** On completion of 审核全省月报: the provincial staff member in whose name the report is submitted. */
    @Bean("recordProvincialReview")
    TaskListener recordProvincialReview() {
        return task -> {
            if (!checked(task.getVariable(PROVINCIAL_REPORT_CONFIRMED))) {
                throw new TaskInputRefused("请勾选“已审核全省月报，同意报送省发展改革委”");
            }
            task.getExecution().getProcessInstance().setVariable(SUBMITTED_BY, completedBy(task));
        };
    }

    /** Service task 报送省发展改革委. */
    @Bean("submitMonthlyReport")
    JavaDelegate submitMonthlyReport(MonthlyReportReviews reviews) {
        return execution -> {
            Object by = execution.getVariable(SUBMITTED_BY);
            reviews.submit(month(execution), by == null ? CurrentActor.SYSTEM : by.toString(),
                    (String) execution.getVariable(DeadlineVariables.DEADLINE_ID));
        };
    }

    /** Service task 提醒报送月报: an audit line, and the open review tasks first in Tasklist. */
    @Bean("monthlyReportReminder")
    JavaDelegate monthlyReportReminder(MonthlyReportReviews reviews) {
        return execution -> {
            TaskService tasks = execution.getProcessEngineServices().getTaskService();
            tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list().stream()
                    .filter(task -> task.getPriority() < REMINDED_PRIORITY)
                    .forEach(task -> tasks.setPriority(task.getId(), REMINDED_PRIORITY));
            reviews.audit(CurrentActor.SYSTEM, "MONTHLY_REPORT_REMINDED", month(execution),
                    "deadline " + execution.getVariable(DeadlineVariables.DEADLINE_ID));
        };
    }

    /** On completion of 月报逾期督办: what the supervisor did (a choice; the form has no free text). */
    @Bean("recordMonthlyReportEscalation")
    TaskListener recordMonthlyReportEscalation(MonthlyReportReviews reviews) {
        return task -> {
            Object action = task.getVariable(SUPERVISION_ACTION);
            if (action == null || !SUPERVISION_ACTIONS.contains(action.toString())) {
                throw new TaskInputRefused("请选择督办措施");
            }
            reviews.audit(completedBy(task), "MONTHLY_REPORT_ESCALATION_HANDLED", month(task), action.toString());
        };
    }

    static ReportMonth month(DelegateExecution execution) {
        return new ReportMonth(YearMonth.parse((String) execution.getVariable(MONTH)));
    }

    static ReportMonth month(DelegateTask task) {
        return new ReportMonth(YearMonth.parse((String) task.getVariable(MONTH)));
    }

    static boolean checked(Object value) {
        return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString().strip());
    }

    static String completedBy(DelegateTask task) {
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return current == null || current.getUserId() == null ? CurrentActor.SYSTEM : current.getUserId();
    }
}
