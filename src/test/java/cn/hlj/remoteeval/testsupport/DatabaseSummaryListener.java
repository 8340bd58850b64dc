package cn.hlj.remoteeval.testsupport;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/** Prints, at the end of a test run, which databases the database-facing tests ran on. */
public class DatabaseSummaryListener implements TestExecutionListener {

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (DatabaseUnderTest.SEEN.isEmpty()) {
            return;
        }
        System.out.println();
        System.out.println("==> Database-facing tests ran on: " + String.join("; ", DatabaseUnderTest.SEEN));
        System.out.println();
    }
}
