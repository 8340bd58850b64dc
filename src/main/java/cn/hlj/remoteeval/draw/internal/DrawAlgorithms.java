package cn.hlj.remoteeval.draw.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/** Every published draw algorithm by its version id, so that any recorded draw can be rerun. */
@Component
class DrawAlgorithms {

    private final Map<String, DrawAlgorithm> byId;

    DrawAlgorithms(List<DrawAlgorithm> algorithms) {
        this.byId = algorithms.stream().flatMap(a -> a.versions().stream().map(v -> Map.entry(v, a)))
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    Optional<DrawAlgorithm> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
