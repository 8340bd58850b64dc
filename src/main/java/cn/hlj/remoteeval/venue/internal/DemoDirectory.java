package cn.hlj.remoteeval.venue.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.hlj.remoteeval.security.CurrentActor;
import cn.hlj.remoteeval.venue.TradingCenter;
import cn.hlj.remoteeval.venue.TradingCenters;

/**
 * A realistic workstation directory for demonstrations: the three permanent cross-province
 * sub-venues with 12 cross-province workstations each plus a few ordinary ones, every other center
 * a few ordinary ones. Only where {@code remote-eval.demo-directory.enabled} is true, and only into
 * an empty table. Nodes starting together race on the unique (center, code): the loser rolls back.
 */
@Component
@ConditionalOnProperty(name = "remote-eval.demo-directory.enabled", havingValue = "true")
class DemoDirectory implements ApplicationRunner {

    static final int CROSS_PROVINCE_PER_PERMANENT_CENTER = 12;
    static final int CROSS_PROVINCE_PER_ROOM = 4;

    /** Ordinary workstations per center; a center added later gets {@link #DEFAULT_ORDINARY}. */
    static final Map<String, Integer> ORDINARY = Map.ofEntries(Map.entry("PROV", 4), Map.entry("HRB", 3),
            Map.entry("QQHR", 2), Map.entry("MDJ", 5), Map.entry("JMS", 4), Map.entry("DQ", 6), Map.entry("JX", 3),
            Map.entry("SYS", 3), Map.entry("YC", 3), Map.entry("QTH", 3), Map.entry("HG", 3), Map.entry("HH", 4),
            Map.entry("SH", 4), Map.entry("DXAL", 3));
    static final int DEFAULT_ORDINARY = 3;

    private static final String CROSS_PROVINCE_AV = "接入国家跨省远程异地评标系统；1080P 高清云台摄像机 2 台、全向会议麦克风、"
            + "双屏评标终端、身份核验一体机；政务外网专线主备双链路，评标全程音视频同步录制";
    private static final String[] ORDINARY_AV = {
            "省内远程异地评标系统终端；1080P 摄像头、降噪耳麦、双屏显示器；政务外网接入，全程录音录像",
            "省内远程异地评标系统终端；高清摄像头、桌面麦克风、单屏显示器；政务外网接入，全程录音录像",
            "省内远程异地评标系统终端；1080P 摄像头、降噪耳麦、双屏显示器、身份核验终端；政务外网接入" };

    private static final Logger log = LoggerFactory.getLogger(DemoDirectory.class);

    private final JdbcWorkstations workstations;
    private final TradingCenters centers;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DemoDirectory(JdbcWorkstations workstations, TradingCenters centers, PlatformTransactionManager transactions,
            Clock clock) {
        this.workstations = workstations;
        this.centers = centers;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (workstations.isEmpty()) {
            seedOnce();
        }
    }

    /** All or nothing: when another node got there first, its directory stays and this one rolls back. */
    int seedOnce() {
        List<TradingCenter> all = centers.all();
        try {
            int seeded = transaction.execute(status -> seed(all, clock.instant()));
            log.info("Demo workstation directory seeded: {} workstations in {} centers", seeded, all.size());
            return seeded;
        } catch (DuplicateKeyException e) {
            log.info("Demo workstation directory already seeded by another node");
            return 0;
        }
    }

    private int seed(List<TradingCenter> all, Instant now) {
        int count = 0;
        for (TradingCenter center : all) {
            for (WorkstationFields workstation : directoryOf(center)) {
                workstations.insert(center.code(), workstation, CurrentActor.SYSTEM, now);
                count++;
            }
        }
        return count;
    }

    /** Ordinary workstations (R..) sort before cross-province ones (X..): draws fill them first. */
    static List<WorkstationFields> directoryOf(TradingCenter center) {
        List<WorkstationFields> list = new ArrayList<>();
        int ordinary = ORDINARY.getOrDefault(center.code(), DEFAULT_ORDINARY);
        for (int i = 1; i <= ordinary; i++) {
            int room = (i + 1) / 2;
            list.add(new WorkstationFields("R%02d".formatted(i), "省内远程评标区 B 评标室 " + room, false,
                    ORDINARY_AV[(i - 1) % ORDINARY_AV.length]));
        }
        if (center.permanentCrossProvinceSubVenue()) {
            for (int i = 1; i <= CROSS_PROVINCE_PER_PERMANENT_CENTER; i++) {
                int room = (i - 1) / CROSS_PROVINCE_PER_ROOM + 1;
                list.add(new WorkstationFields("X%02d".formatted(i), "远程异地评标区 A 评标室 " + room, true,
                        CROSS_PROVINCE_AV));
            }
        }
        return list;
    }
}
