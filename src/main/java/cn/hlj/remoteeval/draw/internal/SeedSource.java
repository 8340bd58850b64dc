package cn.hlj.remoteeval.draw.internal;

/** Where fresh seeds come from: {@link java.security.SecureRandom} in the application, fixed seeds in tests. */
@FunctionalInterface
interface SeedSource {

    DrawSeed next();
}
