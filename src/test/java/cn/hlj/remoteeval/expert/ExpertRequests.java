package cn.hlj.remoteeval.expert;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hlj.remoteeval.testsupport.FakeIdentities;

/** The expert pool API as the tests call it, and the import files they upload. */
final class ExpertRequests {

    static final String ADMIN = "pool-admin";
    static final String HEADER = "姓名,身份证号,手机号,专业代码,专家类别,工作单位,所在地市";

    private final MockMvc mvc;
    private final ObjectMapper json;

    ExpertRequests(MockMvc mvc, ObjectMapper json) {
        this.mvc = mvc;
        this.json = json;
    }

    /** One import row; the fields are the seven columns in header order. */
    record ExpertRow(String name, String idNumber, String mobile, String specialty, String category, String employer,
            String city) {

        static ExpertRow random(String specialty, String city) {
            return new ExpertRow(FakeIdentities.name(), FakeIdentities.idNumber(), FakeIdentities.mobile(), specialty,
                    ThreadLocalRandom.current().nextBoolean() ? "技术" : "经济", "测试单位" + ThreadLocalRandom.current().nextInt(100),
                    city);
        }

        ExpertRow withName(String value) {
            return new ExpertRow(value, idNumber, mobile, specialty, category, employer, city);
        }

        ExpertRow withIdNumber(String value) {
            return new ExpertRow(name, value, mobile, specialty, category, employer, city);
        }

        ExpertRow withMobile(String value) {
            return new ExpertRow(name, idNumber, value, specialty, category, employer, city);
        }

        ExpertRow withSpecialty(String value) {
            return new ExpertRow(name, idNumber, mobile, value, category, employer, city);
        }

        ExpertRow withCategory(String value) {
            return new ExpertRow(name, idNumber, mobile, specialty, value, employer, city);
        }

        ExpertRow withEmployer(String value) {
            return new ExpertRow(name, idNumber, mobile, specialty, category, value, city);
        }

        ExpertRow withCity(String value) {
            return new ExpertRow(name, idNumber, mobile, specialty, category, employer, value);
        }

        String[] cells() {
            return new String[] { name, idNumber, mobile, specialty, category, employer, city };
        }

        String csvLine() {
            return String.join(",", cells());
        }
    }

    static List<ExpertRow> randomRows(int count, String specialty, String city) {
        List<ExpertRow> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rows.add(ExpertRow.random(specialty, city));
        }
        return rows;
    }

    static byte[] csv(List<ExpertRow> rows) {
        StringBuilder text = new StringBuilder("\uFEFF").append(HEADER).append("\r\n");
        for (ExpertRow row : rows) {
            text.append(row.csvLine()).append("\r\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx(List<ExpertRow> rows) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("专家");
            String[] header = HEADER.split(",");
            Row first = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                first.createCell(i).setCellValue(header[i]);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                String[] cells = rows.get(r).cells();
                for (int i = 0; i < cells.length; i++) {
                    row.createCell(i).setCellValue(cells[i]);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** A specialty code no other test uses (a new top-level class Z + 8 digits). */
    static String uniqueSpecialtyCode() {
        return "Z%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** Adds a fresh top-level specialty as the pool administrator and returns its code. */
    String newSpecialty() throws Exception {
        String code = uniqueSpecialtyCode();
        post(ADMIN, "/api/specialties", json.createObjectNode().put("code", code).put("name", "测试专业" + code))
                .andExpect(status().isCreated());
        return code;
    }

    ResultActions upload(String user, String fileName, byte[] content) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.multipart("/api/experts/import")
                .file(new MockMultipartFile("file", fileName, "application/octet-stream", content))
                .with(httpBasic(user, user)));
    }

    /** Imports the rows as CSV as the administrator; the import must succeed at once. */
    JsonNode importCsv(List<ExpertRow> rows) throws Exception {
        return read(upload(ADMIN, "专家.csv", csv(rows)).andExpect(status().isOk()));
    }

    ResultActions get(String user, String path) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path).with(httpBasic(user, user)));
    }

    ResultActions post(String user, String path, Object body) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post(path).with(httpBasic(user, user))
                .contentType(MediaType.APPLICATION_JSON).characterEncoding("UTF-8").content(json.writeValueAsString(body)));
    }

    ResultActions delete(String user, String path) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.delete(path).with(httpBasic(user, user)));
    }

    JsonNode read(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    /** The list rows of a specialty (one page of up to 200). */
    JsonNode listOf(String specialty) throws Exception {
        return read(get(ADMIN, "/api/experts?size=200&specialty=" + specialty).andExpect(status().isOk())).get("items");
    }

    /** The reference of the expert of a specialty whose masked id number ends like this one. */
    String refOf(String specialty, String idNumber) throws Exception {
        for (JsonNode item : listOf(specialty)) {
            String masked = item.get("idNumber").asText();
            if (masked.startsWith(idNumber.substring(0, 4)) && masked.endsWith(idNumber.substring(14))) {
                return item.get("expertRef").asText();
            }
        }
        throw new AssertionError("no expert of " + specialty + " with that id number");
    }
}
