package cn.hlj.remoteeval.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The one configuration every database-facing test uses, so that the Spring context (and its
 * process engine) is started once per database run. The database is chosen by the Maven failsafe
 * execution: H2 in memory, or MariaDB/MySQL through the {@code mysql} profile.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@AutoConfigureObservability
@Import({ DatabaseUnderTest.class, Persisted.class, Api.class, EngineRest.class, ControllableClock.Configuration.class,
        ExpertInvitations.class })
public @interface RemoteEvalIntegrationTest {
}
