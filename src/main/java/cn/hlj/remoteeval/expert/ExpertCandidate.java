package cn.hlj.remoteeval.expert;

import java.util.List;

/**
 * An expert the pool offers to a draw: the opaque reference and the non-personal facts the draw and
 * its conflict-of-interest rules need. Never the name, 身份证号 or mobile.
 *
 * @param expertRef opaque, stable id of the expert (a random UUID, not derived from personal data)
 * @param city the center code of the expert's 所在地市
 * @param employer 工作单位 as imported
 * @param declaredRelations organisations the expert declared a relation with (回避 declarations)
 * @param earlierProjectCodes project codes of earlier stages the expert took part in
 */
public record ExpertCandidate(String expertRef, String specialtyCode, ExpertCategory category, String city,
        String employer, List<String> declaredRelations, List<String> earlierProjectCodes) {

    public ExpertCandidate {
        declaredRelations = List.copyOf(declaredRelations);
        earlierProjectCodes = List.copyOf(earlierProjectCodes);
    }
}
