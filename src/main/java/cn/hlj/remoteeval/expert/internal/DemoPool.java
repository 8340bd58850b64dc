package cn.hlj.remoteeval.expert.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.hlj.remoteeval.expert.ExpertCategory;
import cn.hlj.remoteeval.security.CurrentActor;
import cn.hlj.remoteeval.venue.TradingCenter;
import cn.hlj.remoteeval.venue.TradingCenters;

/**
 * A demo expert pool: for every center and every specialty the demo tenders and the tests use,
 * {@value #PER_CENTER_AND_SPECIALTY} experts in service, technical and economic, with made-up names,
 * 身份证号 with a correct check digit (regions of Heilongjiang) and mobiles. The same every time
 * (fixed seed). Only where {@code remote-eval.demo-pool.enabled} is true, and only into an empty
 * pool; nodes starting together race on the unique 身份证号 index and the loser rolls back.
 */
@Component
@ConditionalOnProperty(name = "remote-eval.demo-pool.enabled", havingValue = "true")
class DemoPool implements ApplicationRunner {

    /** The codes of DESIGN.md's example, the tests and the benchmarks, and a few economic ones. */
    static final List<String> SPECIALTIES = List.of("A01", "A0101", "A080101", "A06", "B01", "B02", "C0201",
            "C020114");
    static final int PER_CENTER_AND_SPECIALTY = 12;
    /** Of each center's experts of a specialty, this many are economic, the others technical. */
    static final int ECONOMIC_PER_CENTER_AND_SPECIALTY = 4;

    /** The 身份证号 region (a district of the center's city) of each center. */
    static final Map<String, String> REGIONS = Map.ofEntries(Map.entry("PROV", "230103"), Map.entry("HRB", "230102"),
            Map.entry("QQHR", "230202"), Map.entry("MDJ", "231002"), Map.entry("JMS", "230803"),
            Map.entry("DQ", "230602"), Map.entry("JX", "230302"), Map.entry("SYS", "230502"),
            Map.entry("YC", "230717"), Map.entry("QTH", "230902"), Map.entry("HG", "230402"),
            Map.entry("HH", "231102"), Map.entry("SH", "231202"), Map.entry("DXAL", "232701"));
    private static final String DEFAULT_REGION = "230100";

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉萍红娥玲兰斌宇浩凯鹏飞鑫波宁琳颖晨阳欣怡佳雪梅建国志远海峰文博思源子涵雨轩";
    private static final String MOBILE_PREFIXES = "3456789";
    private static final long SEED = 20_261_124L;

    private static final Logger log = LoggerFactory.getLogger(DemoPool.class);

    private final JdbcExperts experts;
    private final JdbcSpecialties specialties;
    private final ExpertWriter writer;
    private final TradingCenters centers;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DemoPool(JdbcExperts experts, JdbcSpecialties specialties, ExpertWriter writer, TradingCenters centers,
            PlatformTransactionManager transactions, Clock clock) {
        this.experts = experts;
        this.specialties = specialties;
        this.writer = writer;
        this.centers = centers;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (experts.isEmpty()) {
            seedOnce();
        }
    }

    /** All or nothing: when another node got there first, its pool stays and this one rolls back. */
    long seedOnce() {
        Set<String> known = specialties.codes();
        List<String> codes = SPECIALTIES.stream().filter(known::contains).toList();
        List<ExpertFields> pool = generate(centers.all(), codes, LocalDate.now(clock));
        try {
            Long written = transaction.execute(status -> {
                long count = 0;
                for (int from = 0; from < pool.size(); from += JdbcExperts.CHUNK) {
                    count += writer.upsert(pool.subList(from, Math.min(pool.size(), from + JdbcExperts.CHUNK)), "DEMO",
                            CurrentActor.SYSTEM, clock.instant()).created();
                }
                return count;
            });
            log.info("Demo expert pool seeded: {} experts, {} specialties in {} centers", written, codes.size(),
                    centers.all().size());
            return written == null ? 0 : written;
        } catch (DataIntegrityViolationException e) {
            log.info("Demo expert pool already seeded by another node");
            return 0;
        }
    }

    /** The demo experts, the same for the same centers and codes. */
    static List<ExpertFields> generate(List<TradingCenter> centers, List<String> codes, LocalDate today) {
        Random random = new Random(SEED);
        Set<String> idNumbers = new HashSet<>();
        Set<String> mobiles = new HashSet<>();
        List<ExpertFields> pool = new ArrayList<>();
        int employer = 0;
        for (TradingCenter center : centers) {
            String region = REGIONS.getOrDefault(center.code(), DEFAULT_REGION);
            for (String code : codes) {
                for (int i = 0; i < PER_CENTER_AND_SPECIALTY; i++) {
                    ExpertCategory category = i < ECONOMIC_PER_CENTER_AND_SPECIALTY ? ExpertCategory.ECONOMIC
                            : ExpertCategory.TECHNICAL;
                    String idNumber;
                    do {
                        idNumber = idNumber(random, region, today);
                    } while (!idNumbers.add(idNumber));
                    String mobile;
                    do {
                        mobile = mobile(random);
                    } while (!mobiles.add(mobile));
                    employer = employer % 60 + 1;
                    pool.add(new ExpertFields(name(random), idNumber, mobile, code, category,
                            "示例单位%02d".formatted(employer), center.code()));
                }
            }
        }
        return pool;
    }

    /** Born 1960–1991, so that every demo expert is of working age whatever today is. */
    static String idNumber(Random random, String region, LocalDate today) {
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(random.nextInt(32 * 365));
        String first17 = region + "%04d%02d%02d".formatted(birth.getYear(), birth.getMonthValue(),
                birth.getDayOfMonth()) + "%03d".formatted(random.nextInt(1000));
        return first17 + IdNumbers.checkCharacterOf(first17);
    }

    private static String mobile(Random random) {
        return "1" + MOBILE_PREFIXES.charAt(random.nextInt(MOBILE_PREFIXES.length()))
                + "%09d".formatted(random.nextInt(1_000_000_000));
    }

    private static String name(Random random) {
        StringBuilder name = new StringBuilder().append(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
        int given = random.nextInt(3) == 0 ? 1 : 2;
        for (int i = 0; i < given; i++) {
            name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        }
        return name.toString();
    }
}
