package cn.hlj.remoteeval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/** The packaged profiles keep what DESIGN.md and Camunda's MySQL requirements fix. */
class ProfilesUnitTest {

    private static Properties profile(String name) {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource(name));
        return yaml.getObject();
    }

    @Test
    void demoAccountsAreOnByDefaultAndOffUnderMysqlUnlessAskedFor() {
        assertThat(profile("application.yml").getProperty("remote-eval.demo-accounts.enabled"))
                .isEqualTo("${REMOTE_EVAL_DEMO_ACCOUNTS:true}");
        assertThat(profile("application-mysql.yml").getProperty("remote-eval.demo-accounts.enabled"))
                .isEqualTo("${REMOTE_EVAL_DEMO_ACCOUNTS:false}");
    }

    @Test
    void demoDirectoryIsOnByDefaultAndOffUnderMysqlUnlessAskedFor() {
        assertThat(profile("application.yml").getProperty("remote-eval.demo-directory.enabled"))
                .isEqualTo("${REMOTE_EVAL_DEMO_DIRECTORY:true}");
        assertThat(profile("application-mysql.yml").getProperty("remote-eval.demo-directory.enabled"))
                .isEqualTo("${REMOTE_EVAL_DEMO_DIRECTORY:false}");
        assertThat(profile("application-test.yml").getProperty("remote-eval.demo-directory.enabled")).isEqualTo("true");
    }

    @Test
    void demoPoolIsOnByDefaultAndOffUnderMysqlUnlessAskedFor() {
        assertThat(profile("application.yml").getProperty("remote-eval.demo-pool.enabled"))
                .isEqualTo("${REMOTE_EVAL_DEMO_POOL:true}");
        assertThat(profile("application-mysql.yml").getProperty("remote-eval.demo-pool.enabled"))
                .isEqualTo("${REMOTE_EVAL_DEMO_POOL:false}");
        assertThat(profile("application-test.yml").getProperty("remote-eval.demo-pool.enabled")).isEqualTo("true");
    }

    @Test
    void personalDataKeysComeFromTheEnvironmentAndMysqlHasNoDefault() {
        assertThat(profile("application.yml").getProperty("remote-eval.personal-data.encryption-key"))
                .startsWith("${REMOTE_EVAL_PERSONAL_DATA_ENCRYPTION_KEY:");
        assertThat(profile("application.yml").getProperty("remote-eval.personal-data.index-key"))
                .startsWith("${REMOTE_EVAL_PERSONAL_DATA_INDEX_KEY:");
        assertThat(profile("application-mysql.yml").getProperty("remote-eval.personal-data.encryption-key"))
                .isEqualTo("${REMOTE_EVAL_PERSONAL_DATA_ENCRYPTION_KEY:}");
        assertThat(profile("application-mysql.yml").getProperty("remote-eval.personal-data.index-key"))
                .isEqualTo("${REMOTE_EVAL_PERSONAL_DATA_INDEX_KEY:}");
    }

    @Test
    void theShortageMultipleIsConfigurationWithThePolicyDefault() {
        assertThat(profile("application.yml").getProperty("remote-eval.expert-pool.shortage-multiple"))
                .isEqualTo("${REMOTE_EVAL_EXPERT_SHORTAGE_MULTIPLE:3}");
    }

    @Test
    void theCrossProvinceMinimumIsConfigurationWithThePolicyDefault() {
        assertThat(profile("application.yml").getProperty("remote-eval.venue.cross-province-minimum"))
                .isEqualTo("${REMOTE_EVAL_CROSS_PROVINCE_MINIMUM:10}");
    }

    @Test
    void mysqlProfileConfiguresWhatCamundaRequires() {
        Properties mysql = profile("application-mysql.yml");

        assertThat(mysql.getProperty("spring.datasource.hikari.transaction-isolation"))
                .isEqualTo("TRANSACTION_READ_COMMITTED");
        assertThat(mysql.getProperty("camunda.bpm.database.jdbc-batch-processing")).isEqualTo("false");
        assertThat(mysql.getProperty("spring.datasource.url")).contains("sendFractionalSeconds=false")
                .contains("nullDatabaseMeansCurrent=true");
    }

    @Test
    void engineIsClosedAndDeploysModelsAndForms() {
        Properties defaults = profile("application.yml");

        assertThat(defaults.getProperty("camunda.bpm.authorization.enabled")).isEqualTo("true");
        assertThat(Map.of("bpmn", defaults.getProperty("camunda.bpm.deployment-resource-pattern[0]"),
                "dmn", defaults.getProperty("camunda.bpm.deployment-resource-pattern[1]"),
                "form", defaults.getProperty("camunda.bpm.deployment-resource-pattern[2]")))
                .containsEntry("bpmn", "classpath*:bpmn/**/*.bpmn").containsEntry("dmn", "classpath*:bpmn/**/*.dmn")
                .containsEntry("form", "classpath*:forms/**/*.form");
        assertThat(defaults.getProperty("server.error.include-stacktrace")).isEqualTo("never");
    }
}
