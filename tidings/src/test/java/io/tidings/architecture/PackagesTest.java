package io.tidings.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The runtime's packages (and the chat page's modules) depend on each other in one direction only,
 * and the broker on no feature.
 */
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

    /** The chat page's ES modules import each other in one direction only, as the Java packages do. */
    @Test
    void theChatPageModulesHaveNoImportCycle() throws IOException {
        Path dir = Path.of("src/main/resources/META-INF/resources");
        Map<String, List<String>> imports = new TreeMap<>();
        Pattern from = Pattern.compile("^import (?:.*?from )?\"(\\.{1,2}/[^\"]+)\";", Pattern.MULTILINE);
        try (var files = Files.walk(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".js")).toList()) {
                Matcher m = from.matcher(Files.readString(file));
                List<String> targets = new ArrayList<>();
                while (m.find()) {
                    targets.add(dir.relativize(file.getParent().resolve(m.group(1)).normalize()).toString());
                }
                imports.put(dir.relativize(file).toString(), targets);
            }
        }
        assertTrue(imports.size() > 5, "modules read: " + imports.keySet());
        for (String module : imports.keySet()) {
            assertFalse(reaches(imports, module, module, new HashSet<>()), module + " imports itself through " + imports);
        }
    }

    private static boolean reaches(Map<String, List<String>> imports, String from, String target, Set<String> seen) {
        for (String next : imports.getOrDefault(from, List.of())) {
            if (next.equals(target) || seen.add(next) && reaches(imports, next, target, seen)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theBrokerKnowsNoRoomsNotificationsOrHttp() {
        noClasses().that().resideInAPackage("io.tidings.broker..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tidings.rooms..", "io.tidings.notifications..",
                        "io.tidings.http..", "io.tidings.sse..")
                .check(RUNTIME);
    }

    /**
     * A runtime type is public only when another package uses it or a container must see it (an
     * endpoint, a resource, a filter, an entity, an extension): the public API is {@code io.tidings.api}.
     */
    @Test
    void publicTypesAreUsedOutsideTheirPackageOrByAContainer() {
        List<String> needless = new ArrayList<>();
        for (JavaClass type : RUNTIME) {
            if (!type.getModifiers().contains(JavaModifier.PUBLIC) || type.isNestedClass()
                    || type.getPackageName().startsWith("io.tidings.api") || type.getSimpleName().equals("package-info")
                    || CONTAINER_FACING.stream().anyMatch(type::isAnnotatedWith)
                    || type.isAssignableTo("jakarta.enterprise.inject.spi.Extension")
                    || type.isAssignableTo("jakarta.websocket.server.ServerEndpointConfig$Configurator")) {
                continue;
            }
            // Uses of a nested type (an exception it throws, say) count as uses of the type.
            boolean usedOutside = RUNTIME.stream().filter(t -> t == type || t.getName().startsWith(type.getName() + "$"))
                    .flatMap(t -> t.getDirectDependenciesToSelf().stream())
                    .anyMatch(d -> !d.getOriginClass().getPackageName().equals(type.getPackageName()));
            if (!usedOutside) {
                needless.add(type.getName());
            }
        }
        assertTrue(needless.isEmpty(), "public, yet used only in their own package: " + needless);
    }

    private static final List<String> CONTAINER_FACING = List.of("jakarta.websocket.server.ServerEndpoint",
            "jakarta.ws.rs.Path", "jakarta.ws.rs.ApplicationPath", "jakarta.ws.rs.ext.Provider",
            "jakarta.servlet.annotation.WebFilter", "jakarta.servlet.annotation.WebListener",
            "jakarta.persistence.Entity", "jakarta.persistence.Converter");

    @Test
    void theApiDependsOnNothingOfTheRuntime() {
        noClasses().that().resideInAPackage("io.tidings.api..")
                .should().dependOnClassesThat().resideOutsideOfPackages("io.tidings.api..", "java..", "jakarta..")
                .check(RUNTIME);
    }
}
