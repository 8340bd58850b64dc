package cn.hlj.remoteeval.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;

/** The workstation import: Chinese headers, upsert by code, the whole file refused on one bad row. */
@RemoteEvalIntegrationTest
class WorkstationImportIntegrationTest {

    private static final String HEADER = "工位编号,房间,支持跨省,音视频设备说明";

    @Autowired
    Api api;
    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;

    VenueRequests requests;

    @BeforeEach
    void requests() {
        requests = new VenueRequests(mvc, json);
    }

    private static byte[] csv(String... rows) {
        return ("\uFEFF" + HEADER + "\r\n" + String.join("\r\n", rows) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] xlsx(String[]... rows) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("评标工位");
            String[] header = HEADER.split(",");
            Row first = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                first.createCell(i).setCellValue(header[i]);
            }
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int i = 0; i < rows[r].length; i++) {
                    row.createCell(i).setCellValue(rows[r][i]);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void aGoodCsvCreatesThenUpdatesByCode() throws Exception {
        String a = VenueRequests.uniqueCode();
        String b = VenueRequests.uniqueCode();

        requests.upload("staff-sh", "/api/centers/SH/workstations/import", "工位.csv",
                csv(a + ",远程异地评标区 A 评标室 1,是,\"双路摄像头, 全向麦克风\"", b + ",省内远程评标区 B 评标室 2,否,"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(2)).andExpect(jsonPath("$.updated").value(0));

        JsonNode first = workstation("SH", a);
        assertThat(first.get("room").asText()).isEqualTo("远程异地评标区 A 评标室 1");
        assertThat(first.get("crossProvince").asBoolean()).isTrue();
        assertThat(first.get("avNotes").asText()).isEqualTo("双路摄像头, 全向麦克风");
        assertThat(workstation("SH", b).get("crossProvince").asBoolean()).isFalse();

        String c = VenueRequests.uniqueCode();
        requests.upload("staff-sh", "/api/centers/SH/workstations/import", "工位.csv",
                csv(a.toLowerCase() + ",远程异地评标区 C 评标室 9,否,", c + ",评标室 3,是,"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(1)).andExpect(jsonPath("$.updated").value(1));
        JsonNode changed = workstation("SH", a);
        assertThat(changed.get("room").asText()).isEqualTo("远程异地评标区 C 评标室 9");
        assertThat(changed.get("crossProvince").asBoolean()).isFalse();
        assertThat(changed.get("version").asLong()).isEqualTo(1);
        assertThat(workstation("SH", b).get("version").asLong()).isZero();
    }

    @Test
    void aGoodXlsxIsImported() throws Exception {
        String a = VenueRequests.uniqueCode();
        String b = VenueRequests.uniqueCode();

        requests.upload("staff-hh", "/api/centers/HH/workstations/import", "工位.xlsx",
                xlsx(new String[] { a, "远程异地评标区 A 评标室 2", "是", "1080P 摄像头" },
                        new String[] { b, "省内远程评标区 B 评标室 1", "否" }))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(2)).andExpect(jsonPath("$.updated").value(0));

        assertThat(workstation("HH", a).get("avNotes").asText()).isEqualTo("1080P 摄像头");
        assertThat(workstation("HH", b).get("avNotes").isNull()).isTrue();
        assertThat(workstation("HH", b).get("registeredBy").asText()).isEqualTo("staff-hh");
    }

    @Test
    void oneBadRowRejectsTheWholeFileAndWritesNothing() throws Exception {
        String existing = VenueRequests.uniqueCode();
        requests.upload("staff-sh", "/api/centers/SH/workstations/import", "工位.csv", csv(existing + ",原房间,否,"))
                .andExpect(status().isOk());
        long before = workstations("SH");

        JsonNode problem = requests.read(requests.upload("staff-sh", "/api/centers/SH/workstations/import", "工位.csv",
                csv(VenueRequests.uniqueCode() + ",新房间,是,", existing + ",改过的房间,是,", VenueRequests.uniqueCode()
                        + ",房间,Y,", ",房间,否,"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)));

        assertThat(WorkstationDirectoryIntegrationTest.fields(problem)).containsExactly("第4行.支持跨省", "第5行.工位编号");
        assertThat(problem.get("errors").get(0).get("message").asText()).contains("是").contains("否");
        assertThat(workstations("SH")).isEqualTo(before);
        assertThat(workstation("SH", existing).get("room").asText()).isEqualTo("原房间");
    }

    @Test
    void aBadXlsxRowIsNamedAsTheSpreadsheetNumbersIt() throws Exception {
        long before = workstations("HH");

        JsonNode problem = requests.read(requests.upload("staff-hh", "/api/centers/HH/workstations/import", "工位.xlsx",
                xlsx(new String[] { VenueRequests.uniqueCode(), "房间", "是" }, new String[] { "", "", "", "" },
                        new String[] { VenueRequests.uniqueCode(), "", "否" }))
                .andExpect(status().isBadRequest()));

        assertThat(WorkstationDirectoryIntegrationTest.fields(problem)).containsExactly("第4行.房间");
        assertThat(workstations("HH")).isEqualTo(before);
    }

    @Test
    void aWrongHeaderAMissingFileAndAnotherCentersStaffAreRefused() throws Exception {
        requests.upload("staff-sh", "/api/centers/SH/workstations/import", "工位.csv",
                "工位编号,房间,跨省,音视频设备说明\nA1,房间,是,\n".getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("第1行"));
        api.post("staff-sh", "/api/centers/SH/workstations/import", api.map())
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
        requests.upload("staff-sh", "/api/centers/SH/workstations/import", "工位.txt", csv("A1,房间,是,"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
        requests.upload("staff-hrb", "/api/centers/SH/workstations/import", "工位.csv", csv("A1,房间,是,"))
                .andExpect(status().isForbidden());
        requests.upload("staff-sh", "/api/centers/NOPE/workstations/import", "工位.csv", csv("A1,房间,是,"))
                .andExpect(status().isNotFound());
    }

    private JsonNode workstation(String center, String code) throws Exception {
        for (JsonNode w : api.read(api.get("staff-" + center.toLowerCase(), "/api/centers/" + center + "/workstations"))) {
            if (w.get("code").asText().equals(code)) {
                return w;
            }
        }
        throw new AssertionError(code + " not in " + center);
    }

    private long workstations(String center) {
        return jdbc.sql("SELECT COUNT(*) FROM workstation WHERE center_code = ?").param(center).query(Long.class).single();
    }
}
