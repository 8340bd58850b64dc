package cn.hlj.remoteeval.draw.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hlj.remoteeval.draw.beacon.BeaconRound;

/**
 * Reads a round from drand's HTTP API ({@code GET <base>/<chain hash>/public/<round>}), trying each configured
 * relay in turn and, for a round just due, again for a few seconds. What a relay answers is checked by the
 * caller against the chain's public key, so a relay need not be trusted, only reachable.
 */
class DrandHttpRounds implements BeaconRounds {

    private static final Logger log = LoggerFactory.getLogger(DrandHttpRounds.class);
    private static final int ATTEMPTS = 4;
    private static final Duration PAUSE = Duration.ofSeconds(1);

    private final List<URI> relays;
    private final String chainHash;
    private final HttpClient http;
    private final Duration timeout;
    private final ObjectMapper json;

    DrandHttpRounds(List<URI> relays, String chainHash, Duration timeout, ObjectMapper json) {
        if (relays.isEmpty()) {
            throw new IllegalArgumentException("drand needs at least one relay URL");
        }
        this.relays = List.copyOf(relays);
        this.chainHash = chainHash;
        this.timeout = timeout;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    @Override
    public BeaconRound fetch(long round) {
        String lastFault = "no relay tried";
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            for (URI relay : relays) {
                URI uri = relay.resolve(trailingSlash(relay.getPath()) + chainHash + "/public/" + round);
                try {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(timeout)
                            .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        JsonNode body = json.readTree(response.body());
                        return new BeaconRound(body.path("round").asLong(), body.path("signature").asText());
                    }
                    lastFault = relay.getHost() + " answered " + response.statusCode();
                } catch (IOException | RuntimeException e) {
                    lastFault = relay.getHost() + ": " + e.getClass().getSimpleName();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new EntropyUnavailableException("interrupted while reading drand round " + round, e);
                }
            }
            pause();
        }
        log.warn("drand round {} could not be read: {}", round, lastFault);
        throw new EntropyUnavailableException("drand round " + round + " could not be read (" + lastFault + ")");
    }

    /** Whether any relay answers for the chain now: a draw that may go on with the supervisor alone asks first. */
    @Override
    public boolean reachable() {
        for (URI relay : relays) {
            URI uri = relay.resolve(trailingSlash(relay.getPath()) + chainHash + "/info");
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return true;
                }
            } catch (IOException | RuntimeException e) {
                log.debug("drand relay {} unreachable: {}", relay.getHost(), e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static String trailingSlash(String path) {
        return path == null || path.isEmpty() ? "/" : path.endsWith("/") ? path : path + "/";
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EntropyUnavailableException("interrupted while waiting for drand", e);
        }
    }
}
