package cn.hlj.remoteeval.draw;

import java.time.Instant;

/**
 * The expert draw for a partner's session hosted here (this province as sub-venue): our experts, drawn from
 * our pool under our exclusion rules, for seats at the hosting center. Each seat is settled on its own: an
 * expert who accepts confirms it, a decline or no answer in time leads to a supplementary draw (补抽) under
 * the same rules, and a seat for which no eligible expert is left is short. Every settled seat raises
 * {@link HostedSeatSettled}. Who was drawn never leaves the draw module.
 */
public interface HostedExpertDraws {

    /**
     * Draws one expert per seat, invites them by SMS and starts each seat's confirmation, in the caller's
     * transaction. The seat numbers must be new for the hosting.
     */
    void draw(HostedDrawRequest request);

    /**
     * The expert holding the seat did not arrive on the day (reported by the hosted session's staff), in the
     * caller's transaction: the invitation ends as a no-show and the seat's supplementary draw (补抽) starts at
     * once under the same rules (same specialty and center, the same exclusions, never anyone drawn for this
     * hosting before) with the usual SMS and answer window. The seat settles again, raising
     * {@link HostedSeatSettled}: confirmed when a replacement accepts, short when no one is left.
     *
     * @throws IllegalArgumentException (a Chinese message for the staff) when no expert holds the seat now
     */
    void noShow(String hostingId, int seatNo, String reportedBy);

    /**
     * The hosting was cancelled: every open invitation (waiting or accepted) is cancelled and its expert told,
     * and the seats' confirmations stop. Answers how many invitations were cancelled.
     */
    int cancelAll(String hostingId, String why);

    /** The hosted session's evaluation is over (report signed): the seeds of the hosting's draws are revealed. */
    void evaluationEnded(String hostingId, Instant endedAt);
}
