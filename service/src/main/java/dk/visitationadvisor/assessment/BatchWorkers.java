package dk.visitationadvisor.assessment;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The pool of worker threads a batch's cases are assessed on: a Spring task executor, so that the
 * actuator measures it (executor.active, executor.queued, executor.completed, … with the tag
 * {@code name=batchAssessmentWorkers}), and the application context stops it: at shutdown the pool
 * finishes the tasks it has (the web server's graceful stop lets the request that gave them finish
 * first), for at most the shutdown phase's grace period.
 *
 * <p>Bounded in threads and queue: a task finding the queue full runs on the thread that submits it,
 * which so waits instead of piling up work.
 */
@Configuration(proxyBeanMethods = false)
class BatchWorkers {

    /** Assesses a batch's cases in parallel (BatchAssessments). */
    static final String BATCH_ASSESSMENT = "batchAssessmentWorkers";

    private final Duration gracePeriod;

    BatchWorkers(@Value("${spring.lifecycle.timeout-per-shutdown-phase:30s}") Duration gracePeriod) {
        this.gracePeriod = gracePeriod;
    }

    /**
     * One task per case of a part of a batch: the queue holds every case of the parts of all the
     * batches that may run at once.
     */
    @Bean(BATCH_ASSESSMENT)
    ThreadPoolTaskExecutor batchAssessmentWorkers(@Value("${advisor.batch.threads:0}") int threads,
            @Value("${advisor.batch.part-size:500}") int partSize,
            @Value("${advisor.batch.max-concurrent:2}") int concurrentBatches) {
        return bounded("batch-assessment-", threads > 0 ? threads : processors(),
                Math.max(1, partSize) * Math.max(1, concurrentBatches));
    }

    private ThreadPoolTaskExecutor bounded(String threadNamePrefix, int threads, int queueCapacity) {
        ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
        pool.setThreadNamePrefix(threadNamePrefix);
        pool.setCorePoolSize(threads);
        pool.setMaxPoolSize(threads);
        pool.setQueueCapacity(queueCapacity);
        pool.setRejectedExecutionHandler(BatchWorkers::runOnCallerUnlessShutDown);
        // Daemon threads: a task still running after the grace period does not keep the process alive.
        pool.setDaemon(true);
        pool.setWaitForTasksToCompleteOnShutdown(true);
        pool.setAwaitTerminationMillis(gracePeriod.toMillis());
        return pool;
    }

    /**
     * A full queue: the submitting thread runs the task itself. A pool that is shut down refuses it
     * rather than drop it silently (as {@link ThreadPoolExecutor.CallerRunsPolicy} does), which would
     * leave a caller waiting for its result forever.
     */
    private static void runOnCallerUnlessShutDown(Runnable task, ThreadPoolExecutor pool) {
        if (pool.isShutdown()) {
            throw new RejectedExecutionException("The worker pool is shut down");
        }
        task.run();
    }

    private static int processors() {
        return Runtime.getRuntime().availableProcessors();
    }
}
