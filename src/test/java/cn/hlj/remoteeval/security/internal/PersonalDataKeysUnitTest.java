package cn.hlj.remoteeval.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class PersonalDataKeysUnitTest {

    private static final String OWN_A = "S/k6qH+D0CeI25pZ7xVus2dfqgBJsinVNhNeRnTMJuI=";
    private static final String OWN_B = "8XH1ePL8wTpH7CK7fsFTZXlfkKStdy7ZK1lGgtqosRw=";

    @Test
    void theDemoKeysServeTheDefaultProfile() {
        assertThat(PersonalDataKeys.fromConfiguration(PersonalDataKeys.DEMO_ENCRYPTION_KEY,
                PersonalDataKeys.DEMO_INDEX_KEY, false).encryptionKey()).hasSize(32);
    }

    @Test
    void aProductionProfileRefusesToStartWithADemoKey() {
        assertThatThrownBy(() -> PersonalDataKeys.fromConfiguration(PersonalDataKeys.DEMO_ENCRYPTION_KEY, OWN_B, true))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("demo keys")
                .hasMessageContaining("REMOTE_EVAL_PERSONAL_DATA_ENCRYPTION_KEY")
                .hasMessageNotContaining(PersonalDataKeys.DEMO_ENCRYPTION_KEY);
        assertThatThrownBy(() -> PersonalDataKeys.fromConfiguration(OWN_A, PersonalDataKeys.DEMO_INDEX_KEY, true))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("demo keys");
        assertThat(PersonalDataKeys.fromConfiguration(OWN_A, OWN_B, true).indexKey()).hasSize(32);
    }

    @Test
    void mysqlAndKeycloakAreProductionProfiles() {
        for (String profile : new String[] { "mysql", "keycloak" }) {
            MockEnvironment environment = new MockEnvironment();
            environment.setActiveProfiles(profile, "bench");
            assertThatThrownBy(() -> new AesGcmPersonalDataCipher(PersonalDataKeys.DEMO_ENCRYPTION_KEY,
                    PersonalDataKeys.DEMO_INDEX_KEY, environment)).as(profile).isInstanceOf(IllegalStateException.class);
        }
        MockEnvironment demo = new MockEnvironment();
        demo.setActiveProfiles("bench");
        assertThat(new AesGcmPersonalDataCipher(PersonalDataKeys.DEMO_ENCRYPTION_KEY, PersonalDataKeys.DEMO_INDEX_KEY,
                demo).encrypt("x")).startsWith("v1:");
    }

    @Test
    void aMissingOrMalformedKeyStopsTheStartEverywhere() {
        assertThatThrownBy(() -> PersonalDataKeys.fromConfiguration("", OWN_B, false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not configured")
                .hasMessageContaining("REMOTE_EVAL_PERSONAL_DATA_ENCRYPTION_KEY");
        assertThatThrownBy(() -> PersonalDataKeys.fromConfiguration(OWN_A, null, false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("REMOTE_EVAL_PERSONAL_DATA_INDEX_KEY");
        assertThatThrownBy(() -> PersonalDataKeys.fromConfiguration("not base64!", OWN_B, false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("base64");
        assertThatThrownBy(() -> PersonalDataKeys.fromConfiguration("c2hvcnQ=", OWN_B, false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> PersonalDataKeys.fromConfiguration(OWN_A, OWN_A, false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("two different keys");
    }

    @Test
    void neverPrintsTheKeys() {
        assertThat(PersonalDataKeys.fromConfiguration(OWN_A, OWN_B, false).toString()).doesNotContain(OWN_A)
                .isEqualTo("PersonalDataKeys[****]");
    }
}
