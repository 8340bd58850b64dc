package cn.hlj.remoteeval.expert;

import java.util.Optional;

/** Decrypted contact data of one expert, for the SMS notice only; never logged, never in an API answer. */
public interface ExpertContacts {

    Optional<ExpertContact> contactOf(String expertRef);

    record ExpertContact(String expertRef, String name, String mobile) {

        /** Never the personal data: a contact must not reach a log line by accident. */
        @Override
        public String toString() {
            return "ExpertContact[" + expertRef + "]";
        }
    }
}
