package cn.hlj.remoteeval.deadline.internal;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import cn.hlj.remoteeval.deadline.DeadlineKind;

/** {@code remote-eval.deadline}: checked by {@link DeadlineTerms} at start. */
@ConfigurationProperties("remote-eval.deadline")
class DeadlineProperties {

    /** hh:mm in the province. */
    private String reminderTime = "09:00";

    /**
     * When the cluster re-arms open deadlines that lost a trigger (Quartz cron, Asia/Shanghai); also done at every
     * start.
     */
    private String sweepCron = "0 */5 * * * ?";

    private Map<DeadlineKind, TermProperties> terms = new EnumMap<>(DeadlineKind.class);

    static class TermProperties {

        private Integer workingDays;
        private Integer calendarDays;
        private Integer reminderDay;
        /** MONTHLY_REPORT only: the due day in the month after the reported month. */
        private Integer dayOfNextMonth;
        /** MONTHLY_REPORT only: whether the due day itself belongs to the term ("5日前" up to the end of the 5th). */
        private Boolean includeDueDay;

        public Integer getDayOfNextMonth() {
            return dayOfNextMonth;
        }

        public void setDayOfNextMonth(Integer dayOfNextMonth) {
            this.dayOfNextMonth = dayOfNextMonth;
        }

        public Boolean getIncludeDueDay() {
            return includeDueDay;
        }

        public void setIncludeDueDay(Boolean includeDueDay) {
            this.includeDueDay = includeDueDay;
        }

        public Integer getWorkingDays() {
            return workingDays;
        }

        public void setWorkingDays(Integer workingDays) {
            this.workingDays = workingDays;
        }

        public Integer getCalendarDays() {
            return calendarDays;
        }

        public void setCalendarDays(Integer calendarDays) {
            this.calendarDays = calendarDays;
        }

        public Integer getReminderDay() {
            return reminderDay;
        }

        public void setReminderDay(Integer reminderDay) {
            this.reminderDay = reminderDay;
        }
    }

    public String getReminderTime() {
        return reminderTime;
    }

    public void setReminderTime(String reminderTime) {
        this.reminderTime = reminderTime;
    }

    public String getSweepCron() {
        return sweepCron;
    }

    public void setSweepCron(String sweepCron) {
        this.sweepCron = sweepCron;
    }

    public Map<DeadlineKind, TermProperties> getTerms() {
        return terms;
    }

    public void setTerms(Map<DeadlineKind, TermProperties> terms) {
        this.terms = terms;
    }
}
