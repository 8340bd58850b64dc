package cn.hlj.remoteeval.crossprovince.directory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The partners' directories and this province's publications, per partner, for the API. */
@Service
@Transactional(readOnly = true)
class DirectoryQueries {

    private final DirectoryStore store;
    private final ObjectMapper json;

    DirectoryQueries(DirectoryStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    /** Every partner in the register, or the one asked for (empty when it is not in the register). */
    List<DirectoryView> partners(String only) {
        Map<String, List<DirectoryStore.Received>> received = store.received().stream()
                .collect(Collectors.groupingBy(DirectoryStore.Received::partner));
        Map<String, List<DirectoryStore.Publication>> published = store.publications().stream()
                .collect(Collectors.groupingBy(DirectoryStore.Publication::partner));
        List<DirectoryView> views = new ArrayList<>();
        for (DirectoryStore.Partner partner : store.partners()) {
            if (only != null && !only.equals(partner.code())) {
                continue;
            }
            Map<DirectoryKind, DirectoryStore.Received> mine = received.getOrDefault(partner.code(), List.of()).stream()
                    .collect(Collectors.toMap(DirectoryStore.Received::kind, Function.identity()));
            views.add(new DirectoryView(partner.code(), partner.name(), partner.state(), partner.receivesDirectories(),
                    publishing(partner), experts(mine.get(DirectoryKind.EXPERT)),
                    workstations(mine.get(DirectoryKind.WORKSTATION)),
                    published.getOrDefault(partner.code(), List.of()).stream()
                            .map(p -> new DirectoryView.Published(p.kind().name(), p.kind().label(), p.asOf(), p.parts(),
                                    p.publishedAt()))
                            .toList()));
        }
        return views;
    }

    private static String publishing(DirectoryStore.Partner partner) {
        if (partner.receivesDirectories()) {
            return "每日及内容变化时发布（内容未变化时不重复发送）";
        }
        if (!"CONNECTED".equals(partner.state()) && !"JOINT_TEST_PASSED".equals(partner.state())) {
            return "尚未通过联调测试或已暂停，不发布";
        }
        return "尚未登记交换公钥或接收地址，不发布";
    }

    private DirectoryView.ExpertDirectory experts(DirectoryStore.Received received) {
        if (received == null) {
            return null;
        }
        List<DirectoryView.ExpertEntry> entries = new ArrayList<>();
        Set<String> specialties = new HashSet<>();
        Set<String> cities = new HashSet<>();
        long total = 0;
        for (JsonNode entry : entries(received)) {
            String specialty = entry.path("specialtyCode").asText();
            String city = entry.path("cityCode").asText();
            long available = entry.path("available").asLong();
            entries.add(new DirectoryView.ExpertEntry(specialty, city, available,
                    "专业 " + specialty + "，地市 " + city + "：在库专家 " + available + " 名"));
            specialties.add(specialty);
            cities.add(city);
            total += available;
        }
        return new DirectoryView.ExpertDirectory(received.kind().label(), received.asOf(), received.receivedAt(), total,
                "在库专家 " + total + " 名，涉及 " + specialties.size() + " 个专业、" + cities.size() + " 个地市", entries);
    }

    private DirectoryView.WorkstationDirectory workstations(DirectoryStore.Received received) {
        if (received == null) {
            return null;
        }
        List<DirectoryView.WorkstationEntry> entries = new ArrayList<>();
        long total = 0;
        for (JsonNode entry : entries(received)) {
            String center = entry.path("centerCode").asText();
            int workstations = entry.path("crossProvinceWorkstations").asInt();
            entries.add(new DirectoryView.WorkstationEntry(center, workstations,
                    "交易中心 " + center + "：跨省评标工位 " + workstations + " 个"));
            total += workstations;
        }
        return new DirectoryView.WorkstationDirectory(received.kind().label(), received.asOf(), received.receivedAt(), total,
                entries.size() + " 个交易中心共有跨省评标工位 " + total + " 个", entries);
    }

    private JsonNode entries(DirectoryStore.Received received) {
        try {
            return json.readTree(received.entries());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a kept directory is not JSON", e);
        }
    }
}
