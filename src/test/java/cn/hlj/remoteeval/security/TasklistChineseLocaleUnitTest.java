package cn.hlj.remoteeval.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Tasklist's Chinese locale, which the application ships beside Camunda's English and German ones, is
 * complete against the English file of the Camunda webjar on the class path: a Camunda upgrade that adds
 * a label fails here instead of showing the bare key to staff.
 */
class TasklistChineseLocaleUnitTest {

    private static final String TASKLIST = "META-INF/resources/webjars/camunda/app/tasklist/";
    /** Angular-translate placeholders, HTML tags and entities: a translation must carry the same ones. */
    private static final Pattern MARKUP = Pattern.compile("\\{\\{.*?}}|<[^<>\\s][^<>]*>|&[a-z]+;");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyEnglishLabelHasAChineseOneWithTheSamePlaceholdersAndMarkup() throws IOException {
        JsonNode en = locale("en").get("labels");
        JsonNode zh = locale("zh").get("labels");
        assertThat(en.size()).as("labels of Camunda's en.json").isGreaterThan(300);

        List<String> missing = new ArrayList<>();
        Map<String, String> differing = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = en.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> label = it.next();
            JsonNode chinese = zh.get(label.getKey());
            if (chinese == null || !chinese.isTextual()) {
                missing.add(label.getKey());
            } else if (!markup(label.getValue().asText()).equals(markup(chinese.asText()))) {
                differing.put(label.getKey(), label.getValue().asText() + " | " + chinese.asText());
            }
        }
        assertThat(missing).as("labels of en.json missing from zh.json").isEmpty();
        assertThat(differing).as("labels whose placeholders or markup differ").isEmpty();
        assertThat(zh.size()).as("zh.json has no label Camunda does not use").isEqualTo(en.size());
    }

    @Test
    void theChineseLabelsAreChinese() throws IOException {
        JsonNode zh = locale("zh").get("labels");
        for (String key : List.of("CLAIM_TASK", "COMPLETE", "FILTERS", "DUE_DATE", "NO_MATCHING_TASK", "COMPLETE_ERROR")) {
            assertThat(zh.get(key).asText()).as(key).containsPattern(HAN);
        }
        assertThat(zh.get("CLAIM_TASK").asText()).isEqualTo("认领");
    }

    @Test
    void theChineseDateLocaleHasTheShapeOfTheEnglishOne() throws IOException {
        assertThat(shape(locale("zh").get("dateLocales"))).isEqualTo(shape(locale("en").get("dateLocales")));
        assertThat(locale("zh").at("/dateLocales/weekdays/1").asText()).isEqualTo("星期一");
    }

    /** Tasklist reports a configured locale without a file as a page error; it falls back to Chinese. */
    @Test
    void everyLocaleTheConfigurationOffersHasAFileAndChineseIsTheFallback() throws IOException {
        String config = resource(TASKLIST + "scripts/config.js");
        Matcher available = Pattern.compile("availableLocales:\\s*\\[([^]]*)]").matcher(config);
        assertThat(available.find()).as("availableLocales in config.js").isTrue();
        List<String> locales = Arrays.stream(available.group(1).split(",")).map(s -> s.replaceAll("[\\s'\"]", "")).toList();
        assertThat(locales).startsWith("zh").contains("en");
        for (String code : locales) {
            assertThat(url(TASKLIST + "locales/" + code + ".json")).as(code + ".json").isNotNull();
        }
        assertThat(config).containsPattern("fallbackLocale:\\s*'zh'");
    }

    private JsonNode locale(String code) throws IOException {
        // Camunda's files start with a byte order mark, which Jackson skips when it reads bytes.
        try (InputStream in = url(TASKLIST + "locales/" + code + ".json").openStream()) {
            return json.readTree(in);
        }
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = url(path).openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static URL url(String path) {
        return TasklistChineseLocaleUnitTest.class.getClassLoader().getResource(path);
    }

    private static List<String> markup(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = MARKUP.matcher(text);
        while (m.find()) {
            found.add(m.group().replace(" ", ""));
        }
        found.sort(null);
        return found;
    }

    private static Object shape(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> fields = new TreeMap<>();
            node.fields().forEachRemaining(f -> fields.put(f.getKey(), shape(f.getValue())));
            return fields;
        }
        return node.isArray() ? "array of " + node.size() : node.getNodeType().name();
    }
}
