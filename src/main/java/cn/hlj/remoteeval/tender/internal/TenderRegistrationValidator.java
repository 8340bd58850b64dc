package cn.hlj.remoteeval.tender.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.expert.ExpertPool;
import cn.hlj.remoteeval.scope.Category;
import cn.hlj.remoteeval.scope.ExemptionReason;
import cn.hlj.remoteeval.tender.internal.TenderRegistrationRequest.CommitteeRequest;
import cn.hlj.remoteeval.tender.internal.TenderRegistrationRequest.EpcPartsRequest;
import cn.hlj.remoteeval.tender.internal.TenderRegistrationRequest.ExemptionRequest;
import cn.hlj.remoteeval.tender.internal.TenderRegistrationRequest.SpecialtyRequest;
import cn.hlj.remoteeval.venue.HalfDay;
import cn.hlj.remoteeval.venue.TradingCenters;
import cn.hlj.remoteeval.web.RequestFields;
import cn.hlj.remoteeval.web.ApiProblemException;
import cn.hlj.remoteeval.web.FieldViolation;

/**
 * Checks a registration request completely and reports every field at fault together, so that
 * staff fix a form in one round. Committee rules follow 《评标委员会和评标方法暂行规定》 (art. 9): at
 * least five members, an odd number, and technical and economic experts at least two thirds, so the
 * tenderer's own representatives are at most a third; every expert the draw picks is a technical
 * or an economic expert of the pool.
 */
@Component
class TenderRegistrationValidator {

    static final int MIN_COMMITTEE_SIZE = 5;
    private static final Pattern SECTION_CODE = Pattern.compile("[A-Za-z0-9._/-]{1,64}");
    private static final Pattern SPECIALTY_CODE = Pattern.compile("[A-Za-z0-9._-]{1,32}");
    private static final Pattern PROJECT_CODE = Pattern.compile("[A-Za-z0-9._/-]{1,64}");

    private final TradingCenters centers;
    private final ExpertPool pool;
    private final Clock clock;

    TenderRegistrationValidator(TradingCenters centers, ExpertPool pool, Clock clock) {
        this.centers = centers;
        this.pool = pool;
        this.clock = clock;
    }

    TenderRegistration validate(TenderRegistrationRequest request) {
        if (request == null) {
            throw ApiProblemException.invalid("body", "请求体不能为空");
        }
        List<FieldViolation> violations = new ArrayList<>();

        String sectionCode = RequestFields.text("sectionCode", request.sectionCode(), 64, violations);
        if (sectionCode != null && !SECTION_CODE.matcher(sectionCode).matches()) {
            violations.add(new FieldViolation("sectionCode", "只能包含字母、数字及 . _ / -"));
        }
        String name = RequestFields.text("name", request.name(), 200, violations);

        String mainCenter = RequestFields.text("mainCenter", request.mainCenter(), 16, violations);
        if (mainCenter != null && !centers.exists(mainCenter)) {
            violations.add(new FieldViolation("mainCenter", "交易中心代码不存在：" + mainCenter));
        }

        Category category = RequestFields.enumValue("category", request.category(), Category.class, violations);
        BigDecimal estimatedPrice = AmountParser.parse("estimatedPrice", request.estimatedPrice(), true, violations);
        EpcParts epcParts = epcParts(category, request.epcParts(), violations);

        LocalDate evaluationDate = RequestFields.date("evaluationDate", request.evaluationDate(), violations);
        if (evaluationDate != null && evaluationDate.isBefore(LocalDate.now(clock))) {
            violations.add(new FieldViolation("evaluationDate", "评标日期不能早于今天"));
        }
        HalfDay halfDay = RequestFields.enumValue("halfDay", request.halfDay(), HalfDay.class, violations);

        List<CommitteeSpecialty> specialties = new ArrayList<>();
        int[] representatives = new int[1];
        int committeeSize = committee(request.committee(), specialties, representatives, violations);

        boolean regulation = RequestFields.flag("regulationRequiresCrossProvince",
                request.regulationRequiresCrossProvince(), violations);
        boolean shortage = RequestFields.flag("expertShortageAsserted", request.expertShortageAsserted(), violations);
        Exemption exemption = exemption(request.exemption(), violations);
        String tenderer = optionalText("tenderer", request.tenderer(), 200, violations);
        String projectCode = optionalText("projectCode", request.projectCode(), 64, violations);
        if (projectCode != null && !PROJECT_CODE.matcher(projectCode).matches()) {
            violations.add(new FieldViolation("projectCode", "只能包含字母、数字及 . _ / -"));
        }

        if (!violations.isEmpty()) {
            throw ApiProblemException.invalid(violations);
        }
        return new TenderRegistration(sectionCode, name, mainCenter, category, estimatedPrice, epcParts, evaluationDate,
                halfDay, committeeSize, representatives[0], specialties, regulation, shortage, exemption, tenderer,
                projectCode);
    }

    private static EpcParts epcParts(Category category, EpcPartsRequest parts, List<FieldViolation> violations) {
        if (category != Category.EPC) {
            if (parts != null && category != null) {
                violations.add(new FieldViolation("epcParts", "仅工程总承包（EPC）项目可填写各部分估算价"));
            }
            return null;
        }
        if (parts == null) {
            violations.add(new FieldViolation("epcParts", "工程总承包（EPC）项目必须填写施工、货物、服务各部分估算价（无该部分填 \"0.00\"）"));
            return null;
        }
        BigDecimal construction = AmountParser.parse("epcParts.construction", parts.construction(), false, violations);
        BigDecimal goods = AmountParser.parse("epcParts.goods", parts.goods(), false, violations);
        BigDecimal services = AmountParser.parse("epcParts.services", parts.services(), false, violations);
        return new EpcParts(construction, goods, services);
    }

    private static String optionalText(String field, String value, int maxLength, List<FieldViolation> violations) {
        return value == null || value.isBlank() ? null : RequestFields.text(field, value, maxLength, violations);
    }

    private int committee(CommitteeRequest committee, List<CommitteeSpecialty> specialties, int[] representatives,
            List<FieldViolation> violations) {
        if (committee == null) {
            violations.add(new FieldViolation("committee", "不能为空"));
            return 0;
        }
        Integer size = committee.size();
        if (size == null) {
            violations.add(new FieldViolation("committee.size", "不能为空"));
        } else if (size < MIN_COMMITTEE_SIZE) {
            violations.add(new FieldViolation("committee.size", "评标委员会成员人数不得少于 5 人"));
        } else if (size % 2 == 0) {
            violations.add(new FieldViolation("committee.size", "评标委员会成员人数应为单数"));
        }
        Integer reps = committee.tendererRepresentatives();
        if (reps != null && reps < 0) {
            violations.add(new FieldViolation("committee.tendererRepresentatives", "不能为负数"));
        } else if (reps != null && size != null && reps * 3 > size) {
            violations.add(new FieldViolation("committee.tendererRepresentatives",
                    "技术、经济等方面的专家不得少于成员总数的三分之二，招标人代表至多 " + size / 3 + " 人"));
        } else if (reps != null) {
            representatives[0] = reps;
        }
        List<SpecialtyRequest> requested = committee.specialties();
        if (requested == null || requested.isEmpty()) {
            violations.add(new FieldViolation("committee.specialties", "至少填写一个专业及人数"));
            return size == null ? 0 : size;
        }
        Set<String> seen = new HashSet<>();
        int total = 0;
        boolean complete = true;
        for (int i = 0; i < requested.size(); i++) {
            String prefix = "committee.specialties[" + i + "]";
            SpecialtyRequest specialty = requested.get(i);
            if (specialty == null) {
                violations.add(new FieldViolation(prefix, "不能为空"));
                complete = false;
                continue;
            }
            String code = specialty.code();
            if (code == null || code.isBlank()) {
                violations.add(new FieldViolation(prefix + ".code", "不能为空"));
                complete = false;
            } else if (!SPECIALTY_CODE.matcher(code.strip()).matches()) {
                violations.add(new FieldViolation(prefix + ".code", "专业代码格式不正确"));
                complete = false;
            } else if (!pool.isKnownSpecialty(code.strip())) {
                violations.add(new FieldViolation(prefix + ".code", "评标专家专业分类中没有该专业代码：" + code.strip()));
                complete = false;
            } else if (!seen.add(code.strip())) {
                violations.add(new FieldViolation(prefix + ".code", "专业代码重复：" + code.strip()));
                complete = false;
            }
            Integer count = specialty.count();
            if (count == null) {
                violations.add(new FieldViolation(prefix + ".count", "不能为空"));
                complete = false;
            } else if (count < 1) {
                violations.add(new FieldViolation(prefix + ".count", "人数至少为 1"));
                complete = false;
            } else {
                total += count;
            }
            if (complete) {
                specialties.add(new CommitteeSpecialty(code.strip(), count));
            }
        }
        int experts = size == null ? 0 : size - representatives[0];
        if (complete && size != null && total != experts) {
            violations.add(new FieldViolation("committee.specialties", representatives[0] == 0
                    ? "各专业人数之和（" + total + "）应等于评标委员会成员人数（" + size + "）"
                    : "各专业人数之和（" + total + "）应等于评标委员会成员人数减去招标人代表人数（" + experts + "）"));
        }
        return size == null ? 0 : size;
    }

    private static Exemption exemption(ExemptionRequest exemption, List<FieldViolation> violations) {
        if (exemption == null) {
            return null;
        }
        ExemptionReason reason = RequestFields.enumValue("exemption.reason", exemption.reason(),
                ExemptionReason.class, violations);
        String detail = RequestFields.text("exemption.detail", exemption.detail(), 2000, violations);
        return reason == null || detail == null ? null : new Exemption(reason, detail);
    }
}
