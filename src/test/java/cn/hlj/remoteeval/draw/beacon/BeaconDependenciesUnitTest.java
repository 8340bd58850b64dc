package cn.hlj.remoteeval.draw.beacon;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The package also ships in the standalone verifier jar, which carries no Spring and none of the application. */
class BeaconDependenciesUnitTest {

    @Test
    void theBeaconCodeNeedsOnlyTheJdkAndTheCurveLibrary() {
        JavaClasses beacon = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(BeaconSignatures.class.getPackageName());

        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "org.apache.milagro.amcl..", BeaconSignatures.class.getPackageName())
                .check(beacon);
    }
}
