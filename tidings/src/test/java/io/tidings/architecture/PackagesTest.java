package io.tidings.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The runtime's packages depend on each other in one direction only, and the broker on no feature. */
class PackagesTest {

    private static final JavaClasses RUNTIME = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tidings");

    @Test
    void theRuntimeIsImported() {
        assertTrue(RUNTIME.size() > 100, "classes imported: " + RUNTIME.size());
    }

    @Test
    void noPackageCycles() {
        slices().matching("io.tidings.(*)..").should().beFreeOfCycles().check(RUNTIME);
    }

    @Test
    void theBrokerKnowsNoRoomsNotificationsOrHttp() {
        noClasses().that().resideInAPackage("io.tidings.broker..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tidings.rooms..", "io.tidings.notifications..",
                        "io.tidings.http..", "io.tidings.sse..")
                .check(RUNTIME);
    }

    @Test
    void theApiDependsOnNothingOfTheRuntime() {
        noClasses().that().resideInAPackage("io.tidings.api..")
                .should().dependOnClassesThat().resideOutsideOfPackages("io.tidings.api..", "java..", "jakarta..")
                .check(RUNTIME);
    }
}
