package cn.hlj.remoteeval;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Benchmarks drive the application from outside (bench/, and tests tagged {@code benchmark}) and read
 * the timers production keeps; production code holds no benchmark endpoint or helper (issue 17). A
 * path segment that starts with "bench" is what such endpoints were called; "workbench" is the
 * operators' pages and stays allowed.
 */
class NoBenchmarkCodeUnitTest {

    private static final Pattern BENCH_SEGMENT = Pattern.compile("(^|/)\\{?bench", Pattern.CASE_INSENSITIVE);

    private static final List<JavaClass> PRODUCTION = List.copyOf(new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(RemoteEvalApplication.class.getPackageName()));

    @Test
    void noProductionClassIsABenchmark() {
        assertThat(PRODUCTION).hasSizeGreaterThan(100);
        assertThat(PRODUCTION.stream().map(JavaClass::getName)
                .filter(name -> name.toLowerCase(Locale.ROOT).contains("benchmark")))
                .isEmpty();
    }

    @Test
    void noProductionControllerMapsABenchPath() {
        List<Class<?>> controllers = PRODUCTION.stream().map(JavaClass::reflect)
                .filter(type -> AnnotatedElementUtils.hasAnnotation(type, Controller.class)).toList();
        assertThat(controllers).as("the scan finds the controllers").hasSizeGreaterThan(10);
        assertThat(benchPaths(controllers)).isEmpty();
    }

    @Test
    void theRuleRecognisesABenchEndpointButNotTheWorkbench() {
        assertThat(benchPaths(List.of(BenchEndpoint.class))).containsExactly("/api/bench/noop");
        assertThat(benchPaths(List.of(WorkbenchEndpoint.class))).isEmpty();
    }

    /** Every mapped path (class and method level, composed annotations merged) that has a bench segment. */
    static List<String> benchPaths(Collection<Class<?>> controllers) {
        List<String> found = new ArrayList<>();
        for (Class<?> controller : controllers) {
            List<String> prefixes = paths(AnnotatedElementUtils.findMergedAnnotation(controller, RequestMapping.class));
            found.addAll(prefixes.stream().filter(path -> BENCH_SEGMENT.matcher(path).find()).toList());
            for (Method method : controller.getDeclaredMethods()) {
                for (String path : paths(AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class))) {
                    Stream<String> full = prefixes.isEmpty() ? Stream.of(path) : prefixes.stream().map(p -> p + path);
                    full.filter(p -> BENCH_SEGMENT.matcher(p).find()).forEach(found::add);
                }
            }
        }
        return found;
    }

    private static List<String> paths(RequestMapping mapping) {
        return mapping == null ? List.of() : Stream.concat(Stream.of(mapping.path()), Stream.of(mapping.value())).distinct().toList();
    }

    @RestController
    static class BenchEndpoint {
        @PostMapping("/api/bench/noop")
        void noop() {
        }
    }

    @RestController
    @RequestMapping("/workbench")
    static class WorkbenchEndpoint {
        @PostMapping("/notes")
        void notes() {
        }
    }
}
