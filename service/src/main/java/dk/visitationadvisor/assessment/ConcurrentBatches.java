package dk.visitationadvisor.assessment;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many batches may run at once: {@code advisor.batch.max-concurrent} in all and
 * {@code advisor.batch.max-concurrent-per-user} for one caller. A batch keeps a part of families and
 * their answers in memory, and all processors busy; more at once would only queue for the same
 * processors while holding memory. Per instance: each instance has its own memory and processors.
 */
@Component
class ConcurrentBatches {

    private final Semaphore total;
    private final int perCaller;
    private final Map<String, Integer> running = new ConcurrentHashMap<>();

    ConcurrentBatches(@Value("${advisor.batch.max-concurrent:2}") int total,
            @Value("${advisor.batch.max-concurrent-per-user:1}") int perCaller) {
        this.total = new Semaphore(total);
        this.perCaller = perCaller;
    }

    /** A running batch's place; given back when first closed. */
    interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    /** A place for one more batch of this caller, or {@link TooManyBatchesException}. */
    Slot take(String caller) {
        boolean[] taken = {false};
        running.compute(caller, (name, count) -> {
            int now = count == null ? 0 : count;
            if (now >= perCaller) {
                return count;
            }
            taken[0] = true;
            return now + 1;
        });
        if (!taken[0]) {
            throw new TooManyBatchesException(false);
        }
        if (!total.tryAcquire()) {
            release(caller);
            throw new TooManyBatchesException(true);
        }
        AtomicBoolean given = new AtomicBoolean();
        return () -> {
            if (given.compareAndSet(false, true)) {
                total.release();
                release(caller);
            }
        };
    }

    private void release(String caller) {
        running.computeIfPresent(caller, (name, count) -> count <= 1 ? null : count - 1);
    }
}
