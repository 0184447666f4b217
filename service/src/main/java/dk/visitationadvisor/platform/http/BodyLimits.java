package dk.visitationadvisor.platform.http;

import java.util.Comparator;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How large a request body may be: {@code advisor.http.max-request-bytes} for any endpoint, and the
 * larger limits of the endpoints that take more ({@code advisor.http.larger-bodies}: a path, or the
 * start of one, to its limit), so that the filter knows no endpoint by name.
 */
@ConfigurationProperties("advisor.http")
public record BodyLimits(@DefaultValue("65536") long maxRequestBytes, Map<String, Long> largerBodies) {

    public BodyLimits {
        largerBodies = largerBodies == null ? Map.of() : Map.copyOf(largerBodies);
    }

    /** The limit of the endpoint at this path: the larger limit of the longest matching start, if any. */
    long forPath(String path) {
        return largerBodies.entrySet().stream()
                .filter(limit -> path.startsWith(limit.getKey()))
                .max(Map.Entry.comparingByKey(Comparator.comparingInt(String::length)))
                .map(Map.Entry::getValue)
                .orElse(maxRequestBytes);
    }
}
