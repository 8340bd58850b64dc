package cn.hlj.remoteeval.draw.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.hlj.remoteeval.crossprovince.ProvinceSignatures;
import cn.hlj.remoteeval.evaluation.EvaluationEnded;
import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.ExpertInvitations;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;
import cn.hlj.remoteeval.testsupport.TenderBody;

/**
 * A real venue draw and a real expert draw, exported after the evaluation ended and checked by the
 * verifier jar the build made, run as a separate JVM with nothing but the JDK and the jar: it reproduces
 * both, and it rejects the documents with a changed byte in any field. Before the end the export is refused.
 * Both draws are of seed derivation v2 (the application draws with the test's development beacon), so the
 * documents are {@value DrawRecordExport#FORMAT_V2}, with the notice and the beacon's chain, and the jar checks
 * the notice rules and the BLS signature of the beacon round.
 */
@RemoteEvalIntegrationTest
class StandaloneVerifierIntegrationTest {

    @Autowired
    Api api;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    ExpertInvitations invitations;
    @Autowired
    ProvinceSignatures province;
    @Autowired
    List<DrawAlgorithm> algorithms;

    @TempDir
    Path directory;

    @Test
    void exportedDrawsAreReproducedByTheVerifierJarAndAnyChangedByteIsRejected() throws Exception {
        String tenderId = api.register(TenderBody.valid()).get("id").asText();
        awaitState(tenderId, "AWAITING_EXPERT_DRAW");
        String venueDrawId = api.read(api.get("staff-hrb", "/api/tenders/" + tenderId)).get("venueDrawId").asText();

        api.get("staff-hrb", "/api/draws/" + venueDrawId + "/export").andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("评标结束前不公开随机种子")));
        for (String outsider : List.of("staff-dq", "supervisor-dq", "tenderer")) {
            api.get(outsider, "/api/draws/" + venueDrawId + "/export").andExpect(status().isForbidden());
        }

        invitations.draw(tenderId);
        String expertDrawId = api.read(api.get("staff-hrb", "/api/tenders/" + tenderId)).get("expertDrawId").asText();
        api.get("supervisor-hrb", "/api/draws/" + expertDrawId + "/export").andExpect(status().isConflict());

        new TransactionTemplate(transactions)
                .executeWithoutResult(tx -> events.publishEvent(new EvaluationEnded(tenderId, Instant.now())));
        for (String drawId : List.of(venueDrawId, expertDrawId)) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                    api.read(api.get("staff-hrb", "/api/draws/" + drawId)).get("revealed").asBoolean()).isTrue());
        }

        Path jar = verifierJar();
        String publicKey = province.publicKey().orElseThrow();
        for (String drawId : List.of(venueDrawId, expertDrawId)) {
            byte[] document = api.get("supervisor-hrb", "/api/draws/" + drawId + "/export").andExpect(status().isOk())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                    .andReturn().getResponse().getContentAsByteArray();
            assertThat(api.get("demo", "/api/draws/" + drawId + "/export").andExpect(status().isOk())).isNotNull();
            String text = new String(document, StandardCharsets.UTF_8);
            assertThat(text).contains("\"format\": \"remote-eval/draw-record-export/v2\"", "\"id\": \"" + drawId + "\"",
                    "\"publicKey\": \"" + publicKey + "\"", "\"notice\": {", "\"kind\": \"NOTICE\"",
                    "\"algorithm\": \"draw-notice/v2\"", "\"beacons\": {", "\"dev-beacon\": {", "\"noticeHash\": ",
                    "\"entropy\": \"dev-beacon.chain=");
            // The province's own signature check agrees with the verifier's.
            @SuppressWarnings("unchecked")
            Map<String, Object> parsed = (Map<String, Object>) ExportJson.parse(document);
            assertThat(ProvinceSignatures.verify(DrawRecordExport.signedBytes(parsed),
                    HexFormat.of().parseHex((String) parsed.get("signature")), publicKey)).isTrue();

            Path file = Files.write(directory.resolve("draw-" + drawId + ".json"), document);
            Run genuine = runJar(jar, "--key", publicKey, file.toString());
            assertThat(genuine.exitCode()).as(genuine.output()).isZero();
            assertThat(genuine.output()).contains(StandaloneVerifier.REPRODUCED, drawId,
                    ExportSignatures.fingerprint(publicKey), "[通过 PASS] 抽取公告的记录哈希正确",
                    "[通过 PASS] 随机源与公告所定一致", "[注意 NOTE] 随机信标 dev-beacon", StandaloneVerifier.SELF_RUN_BEACON)
                    .doesNotContain("FAIL", "SKIP");

            List<String> accepted = new ArrayList<>();
            for (int position : sampledPositions(document)) {
                byte[] changed = document.clone();
                changed[position] ^= 0x01;
                Path changedFile = Files.write(directory.resolve("changed.json"), changed);
                Run run = runJar(jar, changedFile.toString());
                if (run.exitCode() == StandaloneVerifier.VERIFIED) {
                    accepted.add("byte " + position + ": " + run.output());
                }
            }
            assertThat(accepted).as("changes the verifier jar accepted").isEmpty();
        }
    }

    @Test
    void theVerifierRerunsEveryAlgorithmTheApplicationDrawsWith() {
        assertThat(StandaloneVerifier.algorithms().stream().map(DrawAlgorithm::id).collect(Collectors.toSet()))
                .isEqualTo(algorithms.stream().map(DrawAlgorithm::id).collect(Collectors.toSet()));
    }

    @Test
    void theVerifierJarCarriesNoSpringNoJsonLibraryAndNoStaleSignatureFiles() throws IOException {
        try (JarFile jar = new JarFile(verifierJar().toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo(StandaloneVerifier.class.getName());
            List<String> names = jar.stream().map(java.util.zip.ZipEntry::getName).toList();
            assertThat(names).contains("org/bouncycastle/crypto/signers/SM2Signer.class",
                    "cn/hlj/remoteeval/draw/internal/VenueDrawAlgorithm.class",
                    "cn/hlj/remoteeval/draw/internal/ExpertDrawAlgorithm.class",
                    "cn/hlj/remoteeval/draw/internal/NoticeRules.class",
                    "cn/hlj/remoteeval/draw/beacon/BeaconSignatures.class",
                    "org/apache/milagro/amcl/BLS381/PAIR.class");
            // Of milagro only BLS12-381.
            assertThat(names).noneMatch(name -> name.startsWith("org/apache/milagro/amcl/BN254/"));
            assertThat(names).noneMatch(name -> name.startsWith("org/springframework/") || name.startsWith("com/fasterxml/")
                    || name.startsWith("BOOT-INF/") || name.matches("META-INF/[^/]+\\.(SF|DSA|RSA|EC)"));
        }
    }

    /**
     * In every member: the first, middle and last byte of its value (a string's quotes included) and one byte
     * of its name. The in-process unit test changes every byte.
     */
    private static List<Integer> sampledPositions(byte[] document) {
        TreeSet<Integer> positions = new TreeSet<>();
        int lineStart = 0;
        for (int i = 0; i <= document.length; i++) {
            if (i < document.length && document[i] != '\n') {
                continue;
            }
            String line = new String(document, lineStart, i - lineStart, StandardCharsets.ISO_8859_1);
            int separator = line.indexOf("\": ");
            if (separator > 0) {
                int nameStart = line.indexOf('"');
                positions.add(lineStart + (nameStart + separator) / 2 + 1);
                int valueStart = separator + 3;
                int valueEnd = line.endsWith(",") ? line.length() - 1 : line.length();
                if (!line.endsWith("{")) {
                    positions.add(lineStart + valueStart);
                    positions.add(lineStart + (valueStart + valueEnd - 1) / 2);
                    positions.add(lineStart + valueEnd - 1);
                }
            }
            lineStart = i + 1;
        }
        return List.copyOf(positions);
    }

    record Run(int exitCode, String output) {
    }

    static Run runJar(Path jar, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("CLASSPATH");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    static Path verifierJar() throws IOException {
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> found = Files.newDirectoryStream(Path.of("target"), "remote-eval-*-verifier.jar")) {
            found.forEach(jars::add);
        }
        assertThat(jars).as("the verifier jar the package phase builds").hasSize(1);
        return jars.get(0);
    }

    private void awaitState(String tenderId, String state) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                api.read(api.get("staff-hrb", "/api/tenders/" + tenderId)).get("state").asText()).isEqualTo(state));
    }
}
