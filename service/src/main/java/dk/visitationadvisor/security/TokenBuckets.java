package dk.visitationadvisor.security;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The token buckets (Bucket4j) behind the rate limits and the login lockout. With one instance (the
 * embedded H2 default) they are kept in memory; with {@code advisor.security.limits.shared=true} (the
 * postgresql profile) in the database's {@code rate_limit_bucket} table, so that every instance counts
 * against the same limit: a client cannot get more by being spread over instances. A bucket is
 * forgotten once it would be full again.
 */
@Configuration(proxyBeanMethods = false)
class TokenBuckets {

    private static final Logger log = LoggerFactory.getLogger(TokenBuckets.class);
    private static final ExpirationAfterWriteStrategy FORGET_WHEN_FULL =
            ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10));

    /** One bucket per key (a caller, an account and client, …), made with its configuration when first used. */
    interface Buckets {
        Bucket bucket(String key, BucketConfiguration configuration);
    }

    @Bean
    @ConditionalOnProperty(name = "advisor.security.limits.shared", havingValue = "false", matchIfMissing = true)
    Buckets bucketsInMemory(@Value("${advisor.security.limits.max-keys:100000}") long maxKeys) {
        ProxyManager<String> buckets = Bucket4jCaffeine.<String>builderFor(Caffeine.newBuilder().maximumSize(maxKeys))
                .expirationAfterWrite(FORGET_WHEN_FULL)
                .build();
        return (key, configuration) -> buckets.getProxy(key, () -> configuration);
    }

    @Bean
    @ConditionalOnProperty(name = "advisor.security.limits.shared", havingValue = "true")
    SharedBuckets bucketsInDatabase(DataSource dataSource) {
        return new SharedBuckets(Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(FORGET_WHEN_FULL)
                .build());
    }

    /** Buckets in PostgreSQL, whose rows are removed once they expire. */
    static final class SharedBuckets implements Buckets {

        private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

        SharedBuckets(PostgreSQLSelectForUpdateBasedProxyManager<String> buckets) {
            this.buckets = buckets;
        }

        @Override
        public Bucket bucket(String key, BucketConfiguration configuration) {
            return buckets.getProxy(key, () -> configuration);
        }

        @Scheduled(fixedDelayString = "${advisor.security.limits.cleanup-interval:PT1M}")
        void removeExpired() {
            try {
                int removed;
                do {
                    removed = buckets.removeExpired(1000);
                } while (removed == 1000);
            } catch (RuntimeException e) {
                log.warn("Could not remove expired rate-limit buckets ({})", e.getClass().getSimpleName());
            }
        }
    }
}
