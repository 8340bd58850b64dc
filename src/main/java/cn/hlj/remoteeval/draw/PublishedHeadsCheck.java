package cn.hlj.remoteeval.draw;

/**
 * Checks the chains against heads published outside the database, for the operator's chain check.
 * Implemented by the module that publishes them; the draw module only reports the outcome, so it
 * does not depend on the publisher.
 */
public interface PublishedHeadsCheck {

    PublishedHeadsVerification verify();
}
