package cn.hlj.remoteeval.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The pages name the report's figures from {@code workbench/report-figures.js}, since the JSON carries
 * only the enum names: a figure added, renamed or moved in {@link ReportFigure} must be there too.
 */
class ReportFigureLabelsUnitTest {

    private static final Path SCRIPT = Path.of("src/main/resources/static/workbench/report-figures.js");
    private static final Pattern PAIR = Pattern.compile("\\['([A-Z_]+)', '([^']+)'\\]");

    @Test
    void thePagesLabelsAreTheEnumsInItsOrder() throws IOException {
        Matcher pairs = PAIR.matcher(Files.readString(SCRIPT, StandardCharsets.UTF_8));
        List<String> inScript = new ArrayList<>();
        while (pairs.find()) {
            inScript.add(pairs.group(1) + "=" + pairs.group(2));
        }
        assertThat(inScript).containsExactlyElementsOf(
                Arrays.stream(ReportFigure.values()).map(f -> f.name() + "=" + f.label()).toList());
    }
}
