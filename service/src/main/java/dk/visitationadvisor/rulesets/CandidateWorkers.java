package dk.visitationadvisor.rulesets;

import dk.visitationadvisor.rulesets.CandidateStoppedException.Why;
import dk.visitationadvisor.ruleengine.RuleFiles;
import dk.visitationadvisor.ruleengine.RulePolicy;
import dk.visitationadvisor.ruleengine.RuleSetProblem;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs each check of a candidate rule set in a {@link CandidateWorker} process of its own, so that a
 * candidate is compiled and run where a mistake cannot hurt: the service's classes, but an environment with
 * nothing in it (no database settings, no bootstrap password, no {@code SPRING_*} variable), no database
 * (stored cases are read here and streamed to it), no network where the system allows ({@code unshare -rn},
 * tried once at start-up), a heap limit ({@code advisor.rules.worker-max-heap}) and a time limit
 * ({@code advisor.rules.worker-time-limit}) after which it is killed. At most
 * {@code advisor.rules.max-concurrent-workers} run at once. The policy check runs here first: a candidate
 * outside the allowed subset never reaches a worker. See docs/security.md, "Candidate isolation".
 */
@Component
class CandidateWorkers {

    private static final Logger log = LoggerFactory.getLogger(CandidateWorkers.class);
    /** The exit status of a JVM that ran out of memory with -XX:+ExitOnOutOfMemoryError. */
    private static final int OUT_OF_MEMORY = 3;
    private static final String BOOT_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    private final Path scenarios;
    private final Duration checkTimeLimit;
    private final Duration timeLimit;
    private final String maxHeap;
    private final Semaphore running;
    /** {@code unshare -rn} when this system lets a user make a namespace without network; else nothing. */
    private final List<String> isolation;
    private final List<String> launch;
    private final ScheduledExecutorService limits = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "candidate-worker-limits");
        thread.setDaemon(true);
        return thread;
    });

    CandidateWorkers(@Value("${advisor.scenarios.directory:test-cases}") Path scenarios,
            @Value("${advisor.rules.check-time-limit:PT2M}") Duration checkTimeLimit,
            @Value("${advisor.rules.worker-time-limit:PT5M}") Duration timeLimit,
            @Value("${advisor.rules.worker-max-heap:256m}") String maxHeap,
            @Value("${advisor.rules.max-concurrent-workers:2}") int concurrent) {
        this.scenarios = scenarios.toAbsolutePath().normalize();
        this.checkTimeLimit = checkTimeLimit;
        this.timeLimit = timeLimit;
        this.maxHeap = maxHeap;
        this.running = new Semaphore(concurrent);
        this.isolation = networkIsolation();
        this.launch = launch(System.getProperty("java.class.path"));
    }

    /** The task's report, from a worker of its own. */
    <T> T run(CandidateTask task, Class<T> report) {
        return run(task, handler -> { }, report);
    }

    /**
     * The task's report, from a worker of its own that is given the stored cases after the task.
     *
     * @throws InvalidRuleSetException when the candidate leaves the allowed subset (no worker is started) or
     *     does not build
     * @throws CandidateStoppedException when the worker ran past its time or memory, or failed
     * @throws CandidateWorkersBusyException when as many workers run as may
     */
    <T> T run(CandidateTask task, ImpactReplay.Cases cases, Class<T> report) {
        checkPolicy(task.files());
        if (!running.tryAcquire()) {
            throw new CandidateWorkersBusyException();
        }
        try {
            CandidateWorker.Answer answer = exchange(task, cases);
            if (answer.errors() != null) {
                throw new InvalidRuleSetException(answer.errors());
            }
            if (answer.failure() != null) {
                log.warn("A candidate worker failed: {}", answer.failure());
                throw new CandidateStoppedException(Why.FAILED, timeLimit, maxHeap);
            }
            return CandidateWorker.JSON.treeToValue(answer.report(), report);
        } finally {
            running.release();
        }
    }

    /** @throws InvalidRuleSetException when a rule file leaves the allowed subset: before anything else. */
    static void checkPolicy(java.util.Map<String, String> files) {
        List<RuleSetProblem> refused = RulePolicy.check(new RuleFiles("candidate", files).drlFiles());
        if (!refused.isEmpty()) {
            throw new InvalidRuleSetException(FileProblem.of(refused));
        }
    }

    private CandidateWorker.Answer exchange(CandidateTask task, ImpactReplay.Cases cases) {
        long start = System.nanoTime();
        Process worker;
        try {
            worker = command().start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start a candidate worker", e);
        }
        AtomicBoolean overTime = new AtomicBoolean();
        ScheduledFuture<?> limit = limits.schedule(() -> {
            overTime.set(true);
            stop(worker);
        }, timeLimit.toMillis(), TimeUnit.MILLISECONDS);
        String answer = null;
        try {
            try (Writer input = new BufferedWriter(new OutputStreamWriter(worker.getOutputStream(),
                    StandardCharsets.UTF_8))) {
                // Written as the interface, so that the line names its task.
                line(input, CandidateWorker.JSON.writerFor(CandidateTask.class).writeValueAsString(task));
                cases.forEach(history -> line(input, CandidateWorker.JSON.writeValueAsString(history)));
            } catch (IOException | UncheckedIOException gone) {
                // The worker stopped reading: it was stopped or it ended; how it ended says which.
            }
            try (BufferedReader output = new BufferedReader(new InputStreamReader(worker.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                    answer = line;
                }
            } catch (IOException gone) {
                answer = null;
            }
            worker.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CandidateStoppedException(Why.FAILED, timeLimit, maxHeap);
        } finally {
            limit.cancel(false);
            stop(worker);
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        if (overTime.get()) {
            log.warn("A candidate worker ran past its time limit of {} and was stopped", timeLimit);
            throw new CandidateStoppedException(Why.TIME_LIMIT, timeLimit, maxHeap);
        }
        if (worker.exitValue() == OUT_OF_MEMORY) {
            log.warn("A candidate worker ran out of its {} of memory after {} ms", maxHeap, millis);
            throw new CandidateStoppedException(Why.MEMORY, timeLimit, maxHeap);
        }
        if (worker.exitValue() != 0 || answer == null) {
            log.warn("A candidate worker ended with status {} after {} ms", worker.exitValue(), millis);
            throw new CandidateStoppedException(Why.FAILED, timeLimit, maxHeap);
        }
        log.info("A candidate worker answered in {} ms", millis);
        return CandidateWorker.JSON.readValue(answer, CandidateWorker.Answer.class);
    }

    /**
     * The worker's command and environment: nothing of the service's own environment or system properties,
     * only what the JVM needs to read and write UTF-8 and tell the time as the service does.
     */
    ProcessBuilder command() {
        List<String> command = new ArrayList<>(isolation);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xmx" + maxHeap, "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC",
                "-Dfile.encoding=UTF-8", "-Duser.timezone=" + TimeZone.getDefault().getID(),
                "-Dlogback.configurationFile=candidate-worker-logback.xml"));
        command.addAll(launch);
        command.add(scenarios.toString());
        command.add(checkTimeLimit.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().clear();
        builder.environment().put("LC_ALL", "C.UTF-8");
        return builder;
    }

    private static void line(Writer input, String json) {
        try {
            input.write(json);
            input.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills the worker and anything it started. */
    private static void stop(Process worker) {
        worker.descendants().forEach(ProcessHandle::destroyForcibly);
        worker.destroyForcibly();
    }

    /**
     * How to start the worker's class: from the packaged jar through Spring Boot's launcher, which reads the
     * jar's nested libraries; otherwise (classes on disk, a test, an IDE) with this JVM's class path.
     */
    static List<String> launch(String classPath) {
        String main = CandidateWorker.class.getName();
        if (!classPath.contains(File.pathSeparator) && classPath.endsWith(".jar")) {
            try (JarFile jar = new JarFile(classPath)) {
                if (jar.getManifest() != null && jar.getManifest().getMainAttributes().getValue("Start-Class") != null) {
                    return List.of("-Dloader.main=" + main, "-cp", Path.of(classPath).toAbsolutePath().toString(),
                            BOOT_LAUNCHER);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read " + classPath, e);
            }
        }
        return List.of("-cp", classPath, main);
    }

    /** {@code unshare -rn} when it works here (a user namespace without network); else nothing, said once. */
    private static List<String> networkIsolation() {
        Optional<Path> unshare = Stream.of("/usr/bin/unshare", "/bin/unshare").map(Path::of)
                .filter(Files::isExecutable).findFirst();
        if (unshare.isPresent()) {
            try {
                Process trial = new ProcessBuilder(unshare.get().toString(), "-rn", "true")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (trial.waitFor(10, TimeUnit.SECONDS) && trial.exitValue() == 0) {
                    log.info("Candidate workers run without network (unshare -rn)");
                    return List.of(unshare.get().toString(), "-rn");
                }
                trial.destroyForcibly();
            } catch (IOException e) {
                // As when there is no unshare: said below.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        log.warn("This system does not let the service make a user namespace without network (unshare -rn): "
                + "candidate workers have the service's network access, but no credentials (docs/security.md)");
        return List.of();
    }
}
