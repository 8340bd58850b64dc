package cn.hlj.remoteeval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityUnitTest {

    private final ApplicationModules modules = ApplicationModules.of(RemoteEvalApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void theFeatureModulesExist() {
        assertThat(modules.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .contains("tender", "scope", "venue", "audit", "security", "web", "crossprovince");
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeDocumentation().writeIndividualModulesAsPlantUml();
    }
}
