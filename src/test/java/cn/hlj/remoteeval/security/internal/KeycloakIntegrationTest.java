package cn.hlj.remoteeval.security.internal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ActiveProfilesResolver;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import cn.hlj.remoteeval.testsupport.DatabaseUnderTest;

/**
 * The one Spring context of all Keycloak tests (profile keycloak against a real Keycloak,
 * {@code .ci/keycloak-up}): every Keycloak test class carries this annotation and nothing else that
 * shapes the context, so that Spring's context cache starts it once. The profile changes the
 * security beans, so it cannot share the context of the other integration tests; it runs on their
 * database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // This context shares the database (and the process engine's jobs, Quartz's triggers and the
        // event publication log) with the main test context: the main context alone works them off.
        "camunda.bpm.job-execution.enabled=false",
        "spring.quartz.auto-startup=false",
        // Quartz keeps its job store's connection providers JVM-wide by scheduler name: under the main
        // context's name this context's datasource would replace the main context's.
        "spring.quartz.scheduler-name=remote-eval-deadlines-keycloak-test",
        "spring.modulith.events.republish-outstanding-events-on-restart=false",
        "remote-eval.partner-target-check-cron=-" })
@ActiveProfiles(resolver = KeycloakIntegrationTest.Profiles.class)
@AutoConfigureObservability
@Import(DatabaseUnderTest.class)
@ExtendWith(KeycloakIntegrationTest.EngineRegistry.class)
@interface KeycloakIntegrationTest {

    String KEYCLOAK = System.getProperty("remote-eval.test.keycloak", "http://127.0.0.1:8180");
    String REALM = KEYCLOAK + "/realms/remote-eval";

    /** The profiles of the database run (test, or mysql,test), plus keycloak, which wins. */
    class Profiles implements ActiveProfilesResolver {
        @Override
        public String[] resolve(Class<?> testClass) {
            Set<String> profiles = new LinkedHashSet<>();
            Arrays.stream(System.getProperty("spring.profiles.active", "test").split(","))
                    .map(String::strip).filter(profile -> !profile.isEmpty()).forEach(profiles::add);
            profiles.add("test");
            profiles.remove("keycloak");
            profiles.add("keycloak");
            return profiles.toArray(String[]::new);
        }
    }

    /**
     * Camunda's REST API and webapps find the engine by name in a JVM-wide registry, and both
     * contexts' engines are named {@code default}. Only a newly started engine registers itself, so a
     * Keycloak test class that gets the cached context finds the main context's engine there: before
     * each test the registry names this context's engine; after the class, the main context's again.
     */
    class EngineRegistry implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

        private static final ExtensionContext.Namespace HERE = ExtensionContext.Namespace.create(EngineRegistry.class);

        @Override
        public void beforeAll(ExtensionContext context) {
            ProcessEngine main = ProcessEngines.getProcessEngines().get(ProcessEngines.NAME_DEFAULT);
            if (main != null) {
                context.getStore(HERE).put(ProcessEngine.class, main);
            }
        }

        @Override
        public void beforeEach(ExtensionContext context) {
            ProcessEngines.registerProcessEngine(SpringExtension.getApplicationContext(context).getBean(ProcessEngine.class));
        }

        @Override
        public void afterAll(ExtensionContext context) {
            ProcessEngine main = context.getStore(HERE).get(ProcessEngine.class, ProcessEngine.class);
            if (main != null) {
                ProcessEngines.registerProcessEngine(main);
            }
        }
    }
}
