package cn.hlj.remoteeval.deadline.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

import cn.hlj.remoteeval.deadline.DeadlineKind;
import cn.hlj.remoteeval.deadline.WorkingDayCalendar;

/** The deadline terms as configured in config/application.yml, their checks, and the dates they give. */
class DeadlineTermsUnitTest {

    @Test
    void theShippedConfigurationGivesThePolicyDefaults() throws IOException {
        DeadlineTerms terms = DeadlineTerms.of(bind(Map.of()));

        assertThat(terms.termOf(DeadlineKind.AV_HANDOVER_TO_MAIN)).isEqualTo(Term.working(5, 3));
        assertThat(terms.termOf(DeadlineKind.AV_HANDOVER_TO_TENDERER)).isEqualTo(Term.working(5, 3));
        assertThat(terms.termOf(DeadlineKind.CLUE_TO_MAIN)).isEqualTo(Term.working(1, 1));
        assertThat(terms.termOf(DeadlineKind.CLUE_TRANSFER)).isEqualTo(Term.working(1, 1));
        assertThat(terms.termOf(DeadlineKind.EXEMPTION_EXPLANATION)).isEqualTo(Term.calendar(15, 12));
        assertThat(terms.reminderTime()).isEqualTo(LocalTime.of(9, 0));
    }

    @Test
    void anEnvironmentVariableChangesATerm() throws IOException {
        DeadlineTerms terms = DeadlineTerms.of(bind(Map.of("REMOTE_EVAL_DEADLINE_AV_TO_MAIN_DAYS", "7",
                "REMOTE_EVAL_DEADLINE_AV_TO_MAIN_REMINDER", "6", "REMOTE_EVAL_DEADLINE_REMINDER_TIME", "08:30")));

        assertThat(terms.termOf(DeadlineKind.AV_HANDOVER_TO_MAIN)).isEqualTo(Term.working(7, 6));
        assertThat(terms.reminderTime()).isEqualTo(LocalTime.of(8, 30));
    }

    @Test
    void aReminderOutsideTheTermStopsTheStart() {
        assertThatThrownBy(() -> DeadlineTerms.of(bind(Map.of("REMOTE_EVAL_DEADLINE_AV_TO_MAIN_REMINDER", "6"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("AV_HANDOVER_TO_MAIN.reminder-day");
        assertThatThrownBy(() -> DeadlineTerms.of(bind(Map.of("REMOTE_EVAL_DEADLINE_CLUE_TO_MAIN_REMINDER", "0"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("CLUE_TO_MAIN.reminder-day");
    }

    @Test
    void aTermThatIsNotPositiveStopsTheStart() {
        assertThatThrownBy(() -> DeadlineTerms.of(bind(Map.of("REMOTE_EVAL_DEADLINE_EXEMPTION_DAYS", "0"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("EXEMPTION_EXPLANATION");
        assertThatThrownBy(() -> DeadlineTerms.of(bind(Map.of("REMOTE_EVAL_DEADLINE_CLUE_TRANSFER_DAYS", "-1"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("CLUE_TRANSFER");
    }

    @Test
    void aMalformedReminderTimeStopsTheStart() {
        assertThatThrownBy(() -> DeadlineTerms.of(bind(Map.of("REMOTE_EVAL_DEADLINE_REMINDER_TIME", "9 Uhr"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("reminder-time");
    }

    @Test
    void bothWorkingAndCalendarDaysStopTheStart() {
        DeadlineProperties properties = new DeadlineProperties();
        DeadlineProperties.TermProperties term = new DeadlineProperties.TermProperties();
        term.setWorkingDays(5);
        term.setCalendarDays(7);
        term.setReminderDay(3);
        properties.getTerms().put(DeadlineKind.AV_HANDOVER_TO_MAIN, term);
        assertThatThrownBy(() -> DeadlineTerms.of(properties)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exactly one");
    }

    @Test
    void aKindMissingFromTheConfigurationTakesThePolicyDefault() {
        DeadlineTerms terms = DeadlineTerms.of(new DeadlineProperties());
        assertThat(terms.termOf(DeadlineKind.CLUE_TRANSFER)).isEqualTo(Term.working(1, 1));
    }

    @Test
    void datesOfEachKindOnTheRealCalendar() throws IOException {
        DeadlineTerms terms = DeadlineTerms.of(bind(Map.of()));
        WorkingDayCalendar calendar = realCalendar();

        DeadlineDates av = DeadlineDates.compute(terms, calendar, DeadlineKind.AV_HANDOVER_TO_MAIN, LocalDate.of(2026, 2, 12));
        assertThat(av.dueDate()).isEqualTo(LocalDate.of(2026, 2, 26));
        assertThat(av.dueAt()).isEqualTo(ZonedDateTime.of(2026, 2, 27, 0, 0, 0, 0, DeadlineTerms.ZONE).toInstant());
        // Reminder on the 3rd working day: 24 February (13th, worked 14th, then the 24th) at 09:00.
        assertThat(av.remindAt()).isEqualTo(ZonedDateTime.of(2026, 2, 24, 9, 0, 0, 0, DeadlineTerms.ZONE).toInstant());

        DeadlineDates clue = DeadlineDates.compute(terms, calendar, DeadlineKind.CLUE_TO_MAIN, LocalDate.of(2026, 9, 30));
        assertThat(clue.dueDate()).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(clue.remindAt()).isEqualTo(ZonedDateTime.of(2026, 10, 8, 9, 0, 0, 0, DeadlineTerms.ZONE).toInstant());
        assertThat(clue.dueAt()).isEqualTo(ZonedDateTime.of(2026, 10, 9, 0, 0, 0, 0, DeadlineTerms.ZONE).toInstant());

        // Calendar days need no schedule: 2031 is not loaded.
        DeadlineDates exemption = DeadlineDates.compute(terms, calendar, DeadlineKind.EXEMPTION_EXPLANATION,
                LocalDate.of(2031, 3, 1));
        assertThat(exemption.dueDate()).isEqualTo(LocalDate.of(2031, 3, 16));
        assertThat(exemption.remindAt()).isEqualTo(ZonedDateTime.of(2031, 3, 13, 9, 0, 0, 0, DeadlineTerms.ZONE).toInstant());
    }

    static WorkingDayCalendar realCalendar() throws IOException {
        Map<Integer, List<ScheduleDay>> years = CalendarFileLoader
                .read(new FileSystemResource("config/calendar/cn-official-holidays.csv"));
        CalendarSnapshot snapshot = new CalendarSnapshot(years.keySet(),
                years.values().stream().flatMap(List::stream).toList());
        return new WorkingDayCalendar() {
            @Override
            public LocalDate addWorkingDays(LocalDate from, int workingDays) {
                return snapshot.addWorkingDays(from, workingDays);
            }

            @Override
            public boolean isWorkingDay(LocalDate day) {
                return snapshot.isWorkingDay(day);
            }

            @Override
            public java.util.SortedSet<Integer> loadedYears() {
                return snapshot.years();
            }
        };
    }

    /** Binds remote-eval.deadline from the real config/application.yml, placeholders resolved against {@code env}. */
    static DeadlineProperties bind(Map<String, Object> env) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new org.springframework.core.env.MapPropertySource("env", env));
        for (PropertySource<?> source : new YamlPropertySourceLoader().load("application",
                new FileSystemResource("config/application.yml"))) {
            environment.getPropertySources().addLast(source);
        }
        return Binder.get(environment).bind("remote-eval.deadline", DeadlineProperties.class)
                .orElseGet(DeadlineProperties::new);
    }
}
