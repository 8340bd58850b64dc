package cn.hlj.remoteeval.crossprovince;

import java.time.LocalDate;

/**
 * A partner's sub-venue session of one of this province's tenders passed on a clue of wrongdoing
 * through the exchange (CLUE_PASSED_ON), once per clue. Published in the transaction that accepts it,
 * for the main venue's clue process to take it up as it does a local sub-venue's clue.
 *
 * @param category the message's category (the main venue's categories, e.g. {@code FRAUD}; unknown ones
 *        count as other)
 * @param descriptionCipher the description as {@code security.PersonalDataCipher} encrypted it: the
 *        plain text is in no event, log or table
 * @param passedBy the actor that stands for the partner ({@code exchange:<partner>})
 */
public record PartnerCluePassedOn(String tenderId, String sessionRef, String clueRef, String category, LocalDate foundOn,
        String descriptionCipher, String passedBy) {

    @Override
    public String toString() {
        return "PartnerCluePassedOn[tenderId=" + tenderId + ", sessionRef=" + sessionRef + ", clueRef=" + clueRef + "]";
    }
}
