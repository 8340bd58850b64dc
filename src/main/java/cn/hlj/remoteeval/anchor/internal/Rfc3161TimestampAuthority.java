package cn.hlj.remoteeval.anchor.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

import cn.hlj.remoteeval.anchor.TimestampAuthority;

/**
 * RFC 3161 over HTTP (RFC 3161 §3.4): a TimeStampReq with the SHA-256 imprint, a fresh nonce and a
 * request for the TSA's certificate, POSTed as {@code application/timestamp-query}. The answer is
 * accepted only when granted and when BouncyCastle's {@code validate} finds it answers this request
 * (imprint, nonce, the certificate it names), so a token for something else is never stored.
 */
class Rfc3161TimestampAuthority implements TimestampAuthority {

    private static final SecureRandom NONCES = new SecureRandom();

    private final URI url;
    private final Duration timeout;
    private final HttpClient http;

    Rfc3161TimestampAuthority(URI url, Duration timeout) {
        this.url = url;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public Optional<String> timestamp(byte[] sha256) {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, sha256, new BigInteger(64, NONCES));
        try {
            HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(url).timeout(timeout)
                    .header("Content-Type", "application/timestamp-query")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("time-stamping authority answered HTTP " + answer.statusCode());
            }
            TimeStampResponse response = new TimeStampResponse(answer.body());
            if (response.getStatus() != PKIStatus.GRANTED && response.getStatus() != PKIStatus.GRANTED_WITH_MODS) {
                throw new IllegalStateException("time-stamping authority refused: status " + response.getStatus() + " "
                        + response.getStatusString());
            }
            response.validate(request);
            TimeStampToken token = response.getTimeStampToken();
            return Optional.of(Base64.getEncoder().encodeToString(token.getEncoded()));
        } catch (IOException | TSPException e) {
            throw new IllegalStateException("time-stamping failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("time-stamping interrupted", e);
        }
    }
}
