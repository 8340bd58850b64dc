package cn.hlj.remoteeval.draw.internal;

/** The venue draw as the lifecycle's service task sees it. */
@FunctionalInterface
interface VenueDraws {

    /** Draws and books the tender's venues; answers false when no random pick could satisfy it (fallback). */
    boolean draw(String tenderId);
}
