package cn.hlj.remoteeval.evaluation.internal;

import java.time.Instant;

/**
 * The e-signature service that has an expert sign the committee's report (a port: the province's
 * CA service in production, {@link LocalElectronicSignatures} until it is connected).
 */
interface ElectronicSignatures {

    /**
     * Has the expert in the seat sign the document; answers the service's receipt.
     *
     * @param documentRef the report's reference (never its content)
     * @param expertRef the expert's opaque reference
     */
    String sign(String documentRef, int seat, String expertRef, Instant at);
}
