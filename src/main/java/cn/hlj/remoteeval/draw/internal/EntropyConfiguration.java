package cn.hlj.remoteeval.draw.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hlj.remoteeval.draw.beacon.BeaconSignatures;
import cn.hlj.remoteeval.draw.beacon.DrandChain;
import cn.hlj.remoteeval.security.CurrentActor;

/**
 * Wires the entropy sources of {@link EntropyProperties} and the notices that plan them. The development
 * beacon's published demo key is refused under the mysql or keycloak profile, as the exchange's demo key is:
 * in production a draw mixes in drand, which no one here controls.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EntropyProperties.class)
class EntropyConfiguration {

    static final String DRAND_QUICKNET = "drand-quicknet";
    static final String DEV_BEACON = "dev-beacon";

    /** Published in config/application.yml for the embedded default. */
    static final String DEMO_DEV_BEACON_KEY = "24489eb8724f4d758704527c9d68744c85db5ee690077b905c7ccae95c3daf0a";

    @Bean
    SupervisorEntropy supervisorEntropySource(SupervisorCommitments commitments, EntropyProperties properties, Clock clock,
            PlatformTransactionManager transactions) {
        return new SupervisorEntropy(commitments, properties.supervisor().revealTimeout(), clock, requiresNew(transactions));
    }

    @Bean
    DrawEntropyPolicy drawEntropyPolicy(EntropyProperties properties) {
        return new DrawEntropyPolicy(properties.supervisor().centers());
    }

    @Bean
    EntropySources entropySources(EntropyProperties properties, Clock clock, ObjectMapper json, Environment environment,
            SupervisorEntropy supervisor) {
        List<EntropySource> known = new ArrayList<>();
        known.add(drand(properties, clock, json));
        EntropySource devBeacon = devBeacon(properties, clock);
        if (devBeacon != null) {
            known.add(devBeacon);
        }
        List<EntropySource> inUse = new ArrayList<>();
        for (String id : properties.sources()) {
            String wanted = id.strip();
            EntropySource source = known.stream().filter(s -> s.id().equals(wanted)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("remote-eval.draw-entropy.sources: unknown or unconfigured "
                            + "source '" + wanted + "' (known: " + DRAND_QUICKNET + ", " + DEV_BEACON
                            + " with remote-eval.draw-entropy.dev-beacon.secret-key)"));
            inUse.add(source);
        }
        if (inUse.stream().anyMatch(s -> s.id().equals(DEV_BEACON))
                && DEMO_DEV_BEACON_KEY.equals(properties.devBeacon().secretKey().strip().toLowerCase(Locale.ROOT))
                && environment.acceptsProfiles(Profiles.of("mysql", "keycloak"))) {
            throw new IllegalStateException("Draw entropy: the development beacon with the published demo key must not be "
                    + "used with the mysql or keycloak profile. Set REMOTE_EVAL_DRAW_ENTROPY_SOURCES=drand-quicknet.");
        }
        return new EntropySources(inUse, known, supervisor, properties.supervisor().aloneWhenNoBeacon());
    }

    @Bean
    DrawNotices drawNotices(DrawChain chain, SeedSource seeds, EntropySources sources, CurrentActor actor, Clock clock,
            PlatformTransactionManager transactions) {
        return new DrawNotices(chain, seeds, sources, actor, clock, requiresNew(transactions));
    }

    private static TransactionTemplate requiresNew(PlatformTransactionManager transactions) {
        TransactionTemplate newTransaction = new TransactionTemplate(transactions);
        newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return newTransaction;
    }

    private static EntropySource drand(EntropyProperties properties, Clock clock, ObjectMapper json) {
        DrandChain quicknet = DrandChain.QUICKNET;
        return new BeaconEntropy(DRAND_QUICKNET, quicknet, new DrandHttpRounds(properties.drand().relays(),
                quicknet.chainHash(), properties.drand().timeout(), json), properties.margin(), clock, EntropyConfiguration::sleep);
    }

    private static EntropySource devBeacon(EntropyProperties properties, Clock clock) {
        String key = properties.devBeacon().secretKey();
        if (key == null || key.isBlank()) {
            return null;
        }
        byte[] secretKey = Hashes.unhex(key.strip());
        return new BeaconEntropy(DEV_BEACON, devChain(secretKey, properties.devBeacon().genesis(),
                properties.devBeacon().period()), new LocalBeaconRounds(secretKey), properties.margin(), clock,
                // It signs a round before the round's time, so there is nothing to wait for.
                duration -> {
                });
    }

    /** The development beacon's chain: named by the hash of its public key, so that two keys never share a name. */
    static DrandChain devChain(byte[] secretKey, long genesis, int period) {
        String publicKey = BeaconSignatures.publicKeyOf(secretKey);
        return new DrandChain(Hashes.sha256Hex("remote-eval/dev-beacon/" + publicKey), publicKey, genesis, period,
                "bls-unchained-g1-rfc9380");
    }

    private static void sleep(java.time.Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }
}
