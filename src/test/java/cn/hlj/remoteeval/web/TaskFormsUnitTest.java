package cn.hlj.remoteeval.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hlj.remoteeval.security.SealedFormFields;

/**
 * Every user task of every model has a deployed Camunda Form in Chinese, and no form lets staff type
 * free text into a plain process variable (where Cockpit would show it for years).
 */
class TaskFormsUnitTest {

    private static final Pattern ELEMENT = Pattern.compile("<bpmn:(userTask|startEvent)\\s([^>]*)>");
    private static final Pattern ID = Pattern.compile("\\bid=\"([^\"]+)\"");
    private static final Pattern FORM_REF = Pattern.compile("camunda:formRef=\"([^\"]+)\"");
    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
    /** Free text that names neither a person nor a sub-venue: the provincial center's note on its own capacity. */
    private static final List<String> PLAIN_FREE_TEXT = List.of("cross-province-capacity-review.reviewNote");

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyUserTaskAndStartFormReferencesAFormThatExists() throws IOException {
        Map<String, JsonNode> forms = forms();
        List<String> checked = new ArrayList<>();
        for (Path model : files("bpmn", ".bpmn")) {
            Matcher element = ELEMENT.matcher(Files.readString(model));
            while (element.find()) {
                String attributes = element.group(2);
                Matcher formRef = FORM_REF.matcher(attributes);
                String where = model.getFileName() + "#" + id(attributes);
                if (element.group(1).equals("userTask")) {
                    assertThat(formRef.find()).as(where + " has a form").isTrue();
                } else if (!formRef.find()) {
                    continue;
                }
                assertThat(forms).as(where).containsKey(formRef.group(1));
                assertThat(attributes).as(where).contains("camunda:formRefBinding=\"latest\"");
                checked.add(where);
            }
        }
        assertThat(checked).hasSizeGreaterThan(25);
    }

    private static final Set<String> NOT_INPUTS = Set.of("text", "button", "spacer", "separator", "image", "html", "group");

    @Test
    void everyFormSpeaksChineseAndKeepsFreeTextSealed() throws IOException {
        for (Map.Entry<String, JsonNode> form : forms().entrySet()) {
            for (JsonNode component : components(form.getValue().get("components"))) {
                String type = component.path("type").asText();
                String where = form.getKey() + "." + component.path("key").asText(component.path("id").asText());
                if (component.has("label")) {
                    assertThat(component.get("label").asText()).as(where).containsPattern(CHINESE);
                }
                boolean editable = !component.path("disabled").asBoolean() && !component.path("readonly").asBoolean();
                if (type.equals("textarea") && editable && !PLAIN_FREE_TEXT.contains(where)) {
                    assertThat(SealedFormFields.isSealed(component.path("key").asText())).as(where + " is sealed").isTrue();
                }
            }
        }
    }

    /**
     * Staff work in the browser: a form that tells them to call an API leaves them stuck. Where a form
     * needs a page, it links to the workbench, and the link names a page that exists.
     */
    @Test
    void noFormNamesAnApiAndEveryWorkbenchLinkLeadsToAPage() throws IOException {
        Pattern link = Pattern.compile("\\(/workbench/([a-z-]+\\.html)[^)]*\\)");
        for (Map.Entry<String, JsonNode> form : forms().entrySet()) {
            for (JsonNode component : components(form.getValue().get("components"))) {
                String text = component.path("text").asText("") + component.path("label").asText("")
                        + component.path("description").asText("");
                assertThat(text).as(form.getKey()).doesNotContain("/api/").doesNotContain("/engine-rest").doesNotContain("接口");
                Matcher page = link.matcher(text);
                while (page.find()) {
                    assertThat(Path.of("src/main/resources/static/workbench", page.group(1))).as(form.getKey()).isRegularFile();
                }
            }
        }
    }

    /** A form that can be submitted empty would let a duty be "done" without its answer. */
    @Test
    void everyFormAsksAtLeastOneRequiredAnswerAndValidatesWhatItAsks() throws IOException {
        for (Map.Entry<String, JsonNode> form : forms().entrySet()) {
            long required = 0;
            for (JsonNode component : components(form.getValue().get("components"))) {
                String type = component.path("type").asText();
                boolean input = component.hasNonNull("key") && !NOT_INPUTS.contains(type)
                        && !component.path("disabled").asBoolean() && !component.path("readonly").asBoolean();
                if (input && component.path("validate").path("required").asBoolean()) {
                    required++;
                }
                String where = form.getKey() + "." + component.path("key").asText();
                if (input && type.equals("number")) {
                    assertThat(component.path("validate").has("min")).as(where + " has a minimum").isTrue();
                }
            }
            assertThat(required).as(form.getKey() + " required answers").isPositive();
        }
    }

    private Map<String, JsonNode> forms() throws IOException {
        Map<String, JsonNode> forms = new HashMap<>();
        for (Path file : files("forms", ".form")) {
            JsonNode form = json.readTree(file.toFile());
            String name = file.getFileName().toString().replace(".form", "");
            assertThat(form.path("id").asText()).as(file.toString()).isEqualTo(name);
            forms.put(name, form);
        }
        return forms;
    }

    private static List<JsonNode> components(JsonNode list) {
        List<JsonNode> all = new ArrayList<>();
        if (list != null) {
            for (JsonNode component : list) {
                all.add(component);
                all.addAll(components(component.get("components")));
            }
        }
        return all;
    }

    private static String id(String attributes) {
        Matcher id = ID.matcher(attributes);
        return id.find() ? id.group(1) : "?";
    }

    private static List<Path> files(String folder, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(Path.of(folder))) {
            return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
