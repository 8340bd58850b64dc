package cn.hlj.remoteeval.draw.internal;

/** Where the experts of a seat may come from ({@code remote-eval.expert-draw.locality}). */
enum Locality {
    /** An expert sits at the center of his own 所在地市 (the default, issue 5 item 4). */
    SAME_CITY,
    /** Any expert of the province may sit at any center. */
    PROVINCE
}
