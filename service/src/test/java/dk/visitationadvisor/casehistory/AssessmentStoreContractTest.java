package dk.visitationadvisor.casehistory;

import dk.visitationadvisor.platform.storage.GroupCommit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.visitationadvisor.ruleengine.RuleSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the case history must do on every database the service runs on: the same tests, run against
 * H2 ({@link H2AssessmentStoreTest}, in every build) and against a real PostgreSQL server
 * ({@link PostgreSqlAssessmentStoreTest}, in the Maven profile {@code postgresql-tests}).
 *
 * <p>Each subclass gives the service a database of its own, empty before the service starts, so
 * Flyway migrates it from nothing. Tests share that database and keep apart by case reference and
 * rule set version, each new per test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
abstract class AssessmentStoreContractTest {

    /** An answer as the service gives it: Danish letters, guillemets, an ellipsis, a character outside the BMP. */
    static final String DANISH_RESPONSE = "{\"caseRef\":\"K-1\",\"programmes\":[{\"programme\":\"INTENSIVE_INFANT\","
            + "\"status\":\"ELIGIBLE\",\"reasons\":[{\"text\":\"Forældre i målgruppen har to eller flere af følgende "
            + "forbundne problematikker …\",\"source\":\"Socialstyrelsen: Den intensive spædeindsats i Holstebro "
            + "Kommune, kapitel 2 »Målgruppe«\",\"quotes\":[\"ÆØÅ æøå – “citat” \\\"escaped\\\" \\\\ tab\\t 😀\"]}]}],"
            + "\"missingInformation\":[]}";

    @Autowired
    AssessmentStore store;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    Flyway flyway;

    @Autowired
    DataSource dataSource;

    @Test
    void flywayMigratedTheEmptyDatabaseToTheLatestVersion() {
        // Every migration the service has, from V1 on, applied to the database that was empty: none
        // pending, none failed, no baseline of an existing schema.
        MigrationInfo[] migrations = flyway.info().all();
        assertThat(migrations).isNotEmpty()
                .allSatisfy(m -> assertThat(m.getState()).as(m.getScript()).isEqualTo(MigrationState.SUCCESS));
        assertThat(migrations[0].getVersion().getVersion()).isEqualTo("1");
        assertThat(flyway.info().pending()).isEmpty();
        // The tables are there, in the database's default schema, and answer queries.
        assertThat(jdbc.sql("SELECT COUNT(*) FROM rule_set_version WHERE version = ?").param("none")
                .query(Long.class).single()).isZero();
        assertThat(store.count("K-none")).isZero();
    }

    @Test
    void findsAnAssessmentExactlyAsItWasSaved() {
        StoredAssessment saved = new StoredAssessment(UUID.randomUUID().toString(), newCase(),
                LocalDate.of(2026, 11, 22), "unused", "sagsbehandler.ærø@kommune.dk",
                Instant.parse("2026-11-22T09:15:30.123456Z"), "SIGNIFICANT", 27, "PARENT",
                "{\"caseRef\":\"K-1\",\"note\":\"Mor på Ærø, »første« barn\"}", DANISH_RESPONSE);
        RuleSet ruleSet = ruleSet();
        saved = withVersion(saved, ruleSet);

        store.save(saved, ruleSet);

        StoredAssessment found = store.find(saved.id()).orElseThrow();
        assertThat(found).isEqualTo(saved);
        assertThat(found.responseJson()).isEqualTo(DANISH_RESPONSE);
        assertThat(store.find(UUID.randomUUID().toString())).isEmpty();
    }

    @Test
    void writesWhatGoesWithAnAssessmentInItsTransactionTogetherOrNotAtAll() {
        RuleSet ruleSet = ruleSet();
        StoredAssessment kept = assessment(newCase(), "2026-03-01", "2026-03-01T10:00:00Z", ruleSet);
        store.save(kept, ruleSet, () -> jdbc.sql("INSERT INTO access_audit (at, principal, client, action, outcome) "
                + "VALUES (CURRENT_TIMESTAMP, ?, 'test', 'with the assessment', 201)").param(kept.id()).update());
        assertThat(store.find(kept.id())).contains(kept);
        assertThat(auditRows(kept.id())).isEqualTo(1);

        StoredAssessment lost = assessment(newCase(), "2026-03-01", "2026-03-01T10:00:00Z", ruleSet);
        assertThatThrownBy(() -> store.save(lost, ruleSet, () -> {
            jdbc.sql("INSERT INTO access_audit (at, principal, client, action, outcome) "
                    + "VALUES (CURRENT_TIMESTAMP, ?, 'test', 'with the assessment', 201)").param(lost.id()).update();
            throw new IllegalStateException("the audit's write failed");
        })).hasMessageContaining("the audit's write failed");
        assertThat(store.find(lost.id())).as("the assessment goes with its entry").isEmpty();
        assertThat(auditRows(lost.id())).isZero();
    }

    private long auditRows(String principal) {
        return jdbc.sql("SELECT COUNT(*) FROM access_audit WHERE principal = ?").param(principal).query(Long.class).single();
    }

    /** The service's clock gives nanoseconds; both databases keep microseconds, rounded alike. */
    @Test
    void keepsTheRequestTimeToTheMicrosecond() {
        RuleSet ruleSet = ruleSet();
        StoredAssessment saved = assessment(newCase(), "2026-01-02", "2026-01-02T23:59:59.123456789Z", ruleSet);

        store.save(saved, ruleSet);

        assertThat(store.find(saved.id()).orElseThrow().requestedAt())
                .isEqualTo(Instant.parse("2026-01-02T23:59:59.123457Z"));
    }

    @Test
    void keepsWhatWasNotKnownAsUnknown() {
        RuleSet ruleSet = ruleSet();
        StoredAssessment saved = new StoredAssessment(UUID.randomUUID().toString(), newCase(),
                LocalDate.of(2026, 1, 2), ruleSet.version(), "anonymous", Instant.parse("2026-01-02T00:00:00Z"),
                null, null, null, "{}", "{}");

        store.save(saved, ruleSet);

        assertThat(store.find(saved.id())).contains(saved);
    }

    @Test
    void latestIsTheNewestOnOrBeforeTheDateAndTiesGoToTheLaterRequest() {
        RuleSet ruleSet = ruleSet();
        String caseRef = newCase();
        StoredAssessment october = assessment(caseRef, "2026-10-01", "2026-10-01T08:00:00Z", ruleSet);
        StoredAssessment novemberLate = assessment(caseRef, "2026-11-01", "2026-11-01T11:00:00.000002Z", ruleSet);
        StoredAssessment novemberEarly = assessment(caseRef, "2026-11-01", "2026-11-01T11:00:00.000001Z", ruleSet);
        // Entered afterwards for an earlier date: the assessment date counts, not when it was entered.
        StoredAssessment backdated = assessment(caseRef, "2026-10-15", "2026-11-20T12:00:00Z", ruleSet);
        StoredAssessment december = assessment(caseRef, "2026-12-01", "2026-12-01T08:00:00Z", ruleSet);
        for (StoredAssessment a : List.of(december, novemberLate, october, backdated, novemberEarly)) {
            store.save(a, ruleSet);
        }
        store.save(assessment(newCase(), "2026-11-10", "2026-11-10T08:00:00Z", ruleSet), ruleSet);

        assertThat(store.latest(caseRef, LocalDate.of(2026, 11, 15))).contains(novemberLate);
        assertThat(store.latest(caseRef, LocalDate.of(2026, 11, 1))).contains(novemberLate);
        assertThat(store.latest(caseRef, LocalDate.of(2026, 10, 31))).contains(backdated);
        assertThat(store.latest(caseRef, LocalDate.of(2026, 10, 1))).contains(october);
        assertThat(store.latest(caseRef, LocalDate.of(2026, 9, 30))).isEmpty();
        assertThat(store.latest(caseRef, LocalDate.of(2027, 1, 1))).contains(december);
        assertThat(store.latest(newCase(), LocalDate.of(2027, 1, 1))).isEmpty();
        // The same, without the bodies, for comparing with.
        assertThat(store.latestWithoutBodies(caseRef, LocalDate.of(2026, 10, 31))).contains(
                new StoredAssessment(backdated.id(), caseRef, backdated.assessmentDate(), backdated.rulesetVersion(),
                        backdated.requestedBy(), backdated.requestedAt(), backdated.concernLevel(), backdated.ors(),
                        backdated.orsRater(), null, null));
        assertThat(store.latestWithoutBodies(caseRef, LocalDate.of(2026, 9, 30))).isEmpty();
    }

    @Test
    void timelineIsNewestFirstInPages() {
        RuleSet ruleSet = ruleSet();
        String caseRef = newCase();
        StoredAssessment a1 = assessment(caseRef, "2026-09-01", "2026-09-01T08:00:00Z", ruleSet);
        StoredAssessment a2 = assessment(caseRef, "2026-10-01", "2026-10-01T08:00:00Z", ruleSet);
        StoredAssessment a3 = assessment(caseRef, "2026-10-01", "2026-10-01T09:30:00Z", ruleSet);
        StoredAssessment a4 = assessment(caseRef, "2026-11-01", "2026-11-01T08:00:00Z", ruleSet);
        StoredAssessment a5 = assessment(caseRef, "2026-12-01", "2026-12-01T08:00:00Z", ruleSet);
        for (StoredAssessment a : List.of(a3, a5, a1, a4, a2)) {
            store.save(a, ruleSet);
        }
        String otherCase = newCase();
        store.save(assessment(otherCase, "2026-10-15", "2026-10-15T08:00:00Z", ruleSet), ruleSet);

        assertThat(store.timeline(caseRef, 0, 100)).containsExactly(a5, a4, a3, a2, a1);
        assertThat(store.timeline(caseRef, 0, 2)).containsExactly(a5, a4);
        assertThat(store.timeline(caseRef, 1, 2)).containsExactly(a3, a2);
        assertThat(store.timeline(caseRef, 2, 2)).containsExactly(a1);
        assertThat(store.timeline(caseRef, 3, 2)).isEmpty();
        assertThat(store.timeline(caseRef, 1, 3)).containsExactly(a2, a1);
        assertThat(store.count(caseRef)).isEqualTo(5);
        assertThat(store.count(otherCase)).isEqualTo(1);
        assertThat(store.count(newCase())).isZero();
        assertThat(store.timeline(newCase(), 0, 10)).isEmpty();
    }

    @Test
    void storesEachRuleSetVersionOnceWithItsFiles() {
        RuleSet ruleSet = ruleSet();
        RuleSet next = ruleSet();
        String caseRef = newCase();

        store.save(assessment(caseRef, "2026-11-01", "2026-11-01T08:00:00Z", ruleSet), ruleSet);
        store.save(assessment(caseRef, "2026-11-02", "2026-11-02T08:00:00Z", ruleSet), ruleSet);
        store.save(assessment(caseRef, "2026-11-03", "2026-11-03T08:00:00Z", next), next);
        // Another instance of the service, which has not stored this version itself, finds it there.
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> anotherInstance()
                .save(assessment(caseRef, "2026-11-04", "2026-11-04T08:00:00Z", ruleSet), ruleSet));

        assertThat(versionRows(ruleSet.version())).isEqualTo(1);
        assertThat(versionRows(next.version())).isEqualTo(1);
        assertThat(store.count(caseRef)).isEqualTo(4);
        Map<String, Object> row = jdbc.sql("SELECT origin, files FROM rule_set_version WHERE version = ?")
                .param(ruleSet.version()).query().singleRow();
        assertThat(row.get(key(row, "origin"))).isEqualTo(ruleSet.origin());
        assertThat(json.readValue((String) row.get(key(row, "files")), new TypeReference<Map<String, String>>() {
        })).isEqualTo(ruleSet.files());
    }

    @Test
    void aFailedSaveStoresNothingAndTheRuleSetCanBeStoredLater() {
        RuleSet ruleSet = ruleSet();
        String caseRef = newCase();
        StoredAssessment first = assessment(caseRef, "2026-11-01", "2026-11-01T08:00:00Z", ruleSet);
        store.save(first, ruleSet);
        RuleSet next = ruleSet();
        StoredAssessment sameId = new StoredAssessment(first.id(), caseRef, LocalDate.of(2026, 11, 2),
                next.version(), "someone else", Instant.parse("2026-11-02T08:00:00Z"), "MODERATE", 30, "PARENT",
                "{}", "{\"overwritten\":true}");

        assertThatThrownBy(() -> store.save(sameId, next)).isInstanceOf(DataIntegrityViolationException.class);

        // Neither the assessment nor the new rule set that came with it is half there.
        assertThat(store.find(first.id())).contains(first);
        assertThat(store.count(caseRef)).isEqualTo(1);
        assertThat(versionRows(next.version())).isZero();
        // The store does not think the rolled-back rule set is stored: the next save with it works.
        StoredAssessment second = assessment(caseRef, "2026-11-02", "2026-11-02T08:00:00Z", next);
        store.save(second, next);
        assertThat(store.find(second.id())).contains(second);
        assertThat(versionRows(next.version())).isEqualTo(1);
        assertThat(store.count(caseRef)).isEqualTo(2);
    }

    /**
     * A commit that fails is rolled back, also when it fails as a TransactionSystemException (Spring's
     * default leaves that one open, and returning the connection to the pool may then commit it after
     * all): an assessment answered 503 must not be on record.
     */
    @Test
    void aCommitThatFailsIsRolledBack() {
        assertThat(transactionManager).isInstanceOfSatisfying(AbstractPlatformTransactionManager.class,
                manager -> assertThat(manager.isRollbackOnCommitFailure()).isTrue());
    }

    /** A replay reads every case with an assessment in the period, each case whole and oldest first, without the answers. */
    @Test
    void replaysEachCaseInThePeriodWholeAndOldestFirst() {
        RuleSet ruleSet = ruleSet();
        List<StoredAssessment> saved = new ArrayList<>();
        List<String> inPeriod = new ArrayList<>();
        for (int c = 0; c < 30; c++) {
            String caseRef = newCase();
            // Saved newest first, so that only the replay's own ordering puts them oldest first.
            saved.add(assessment(caseRef, "1999-0" + (1 + c % 3) + "-20", "1999-03-01T08:00:00Z", ruleSet));
            saved.add(assessment(caseRef, "1999-01-10", "1999-01-10T09:00:00Z", ruleSet));
            saved.add(assessment(caseRef, "1999-01-10", "1999-01-10T08:00:00Z", ruleSet));
            if (c % 3 == 1) {
                inPeriod.add(caseRef);
            }
        }
        store.saveAll(saved, ruleSet);

        Map<String, List<StoredAssessment>> replayed = new java.util.LinkedHashMap<>();
        store.forEachCase(LocalDate.of(1999, 2, 1), LocalDate.of(1999, 2, 28),
                history -> assertThat(replayed.put(history.get(0).caseRef(), history)).as("each case once").isNull());

        assertThat(replayed.keySet()).containsAll(inPeriod);
        for (String caseRef : inPeriod) {
            List<StoredAssessment> history = replayed.get(caseRef);
            assertThat(history).extracting(StoredAssessment::requestedAt).containsExactly(
                    Instant.parse("1999-01-10T08:00:00Z"), Instant.parse("1999-01-10T09:00:00Z"),
                    Instant.parse("1999-03-01T08:00:00Z"));
            assertThat(history).allSatisfy(a -> assertThat(a.responseJson()).isNull());
        }
        assertThat(replayed.keySet()).doesNotContainAnyElementsOf(saved.stream().map(StoredAssessment::caseRef)
                .filter(caseRef -> !inPeriod.contains(caseRef)).toList());
    }

    @Test
    void savesABatchExactlyAsGivenWithItsRuleSetOnce() {
        RuleSet ruleSet = ruleSet();
        String caseRef = newCase();
        StoredAssessment first = assessment(caseRef, "2026-10-01", "2026-10-01T08:00:00.000001Z", ruleSet);
        StoredAssessment second = assessment(caseRef, "2026-11-01", "2026-11-01T08:00:00Z", ruleSet);
        StoredAssessment unknowns = new StoredAssessment(UUID.randomUUID().toString(), newCase(),
                LocalDate.of(2026, 1, 2), ruleSet.version(), "anonymous", Instant.parse("2026-01-02T00:00:00Z"),
                null, null, null, "{}", "{}");

        store.saveAll(List.of(first, second, unknowns), ruleSet);

        assertThat(store.find(first.id())).contains(first);
        assertThat(store.find(unknowns.id())).contains(unknowns);
        assertThat(store.latest(caseRef, LocalDate.of(2026, 12, 1))).contains(second);
        assertThat(versionRows(ruleSet.version())).isEqualTo(1);
        store.saveAll(List.of(), ruleSet);
    }

    @Test
    void aBatchWithOneBadAssessmentStoresNoneOfIt() {
        RuleSet ruleSet = ruleSet();
        String caseRef = newCase();
        StoredAssessment stored = assessment(caseRef, "2026-10-01", "2026-10-01T08:00:00Z", ruleSet);
        store.save(stored, ruleSet);
        RuleSet next = ruleSet();
        StoredAssessment good = assessment(caseRef, "2026-11-01", "2026-11-01T08:00:00Z", next);
        StoredAssessment sameId = new StoredAssessment(stored.id(), caseRef, LocalDate.of(2026, 11, 2),
                next.version(), "x", Instant.parse("2026-11-02T08:00:00Z"), null, null, null, "{}", "{}");

        assertThatThrownBy(() -> store.saveAll(List.of(good, sameId), next))
                .isInstanceOf(DataIntegrityViolationException.class);

        assertThat(store.find(good.id())).isEmpty();
        assertThat(store.find(stored.id())).contains(stored);
        assertThat(versionRows(next.version())).isZero();
    }

    @Test
    void anAssessmentOfAnUnstoredRuleSetVersionIsRefused() {
        RuleSet ruleSet = ruleSet();
        StoredAssessment orphan = new StoredAssessment(UUID.randomUUID().toString(), newCase(),
                LocalDate.of(2026, 11, 1), "never-stored-" + UUID.randomUUID(), "x",
                Instant.parse("2026-11-01T08:00:00Z"), null, null, null, "{}", "{}");

        assertThatThrownBy(() -> store.save(orphan, ruleSet)).isInstanceOf(DataIntegrityViolationException.class);

        assertThat(store.find(orphan.id())).isEmpty();
        assertThat(versionRows(ruleSet.version())).isZero();
    }

    /**
     * Several instances behind a load balancer share one database: two that answer with a rule set
     * version new to both store it at the same moment. Both assessments must be stored, the version once.
     */
    @Test
    void twoInstancesStoringTheSameNewRuleSetAtOnceBothSucceed() throws Exception {
        RuleSet ruleSet = ruleSet();
        String caseRef = newCase();
        StoredAssessment first = assessment(caseRef, "2026-11-01", "2026-11-01T08:00:00Z", ruleSet);
        StoredAssessment second = assessment(caseRef, "2026-11-01", "2026-11-01T08:00:01Z", ruleSet);
        AssessmentStore other = anotherInstance();
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        ExecutorService otherThread = Executors.newSingleThreadExecutor();
        AtomicReference<Future<?>> racing = new AtomicReference<>();
        try {
            transaction.executeWithoutResult(status -> {
                // This instance has written the version, not yet committed ...
                store.save(first, ruleSet);
                // ... when the other one writes it too, and waits for this transaction to end.
                racing.set(otherThread.submit(() -> transaction.executeWithoutResult(s -> other.save(second, ruleSet))));
                pause(700);
                assertThat(racing.get()).isNotDone();
            });
            racing.get().get(30, TimeUnit.SECONDS);
        } finally {
            otherThread.shutdownNow();
        }

        assertThat(store.find(first.id())).contains(first);
        assertThat(store.find(second.id())).contains(second);
        assertThat(versionRows(ruleSet.version())).isEqualTo(1);
    }

    private AssessmentStore anotherInstance() {
        return new JdbcAssessmentStore(jdbc, new RuleSetArchive(jdbc, json, transactionManager),
                new GroupCommit(transactionManager), jdbcTemplate, dataSource);
    }

    private long versionRows(String version) {
        return jdbc.sql("SELECT COUNT(*) FROM rule_set_version WHERE version = ?").param(version)
                .query(Long.class).single();
    }

    /** The key of a column in a row, whatever case the database gives column names in. */
    private static String key(Map<String, Object> row, String column) {
        return row.keySet().stream().filter(column::equalsIgnoreCase).findFirst().orElseThrow();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String newCase() {
        return "K-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A rule set version of its own; the store keeps only the version, the origin and the files. */
    static RuleSet ruleSet() {
        String version = "test-" + UUID.randomUUID().toString().substring(0, 12);
        return new RuleSet(version, "test: " + version, Map.of(
                "family-placement/inclusion.drl", "rule \"FP-INCLUDED\"\n  // »Målgruppe« – forældre på Ærø\nend\n",
                "parameters.yaml", "intensiveInfant.minimumRiskFactors:\n  - value: 2\n"),
                null, Map.of(), null, null, List.of(), false, List.of());
    }

    static StoredAssessment assessment(String caseRef, String date, String requestedAt, RuleSet ruleSet) {
        return new StoredAssessment(UUID.randomUUID().toString(), caseRef, LocalDate.parse(date), ruleSet.version(),
                "caseworker", Instant.parse(requestedAt), "MODERATE", 31, "PARENT",
                "{\"caseRef\":\"" + caseRef + "\"}", DANISH_RESPONSE);
    }

    private static StoredAssessment withVersion(StoredAssessment a, RuleSet ruleSet) {
        return new StoredAssessment(a.id(), a.caseRef(), a.assessmentDate(), ruleSet.version(), a.requestedBy(),
                a.requestedAt(), a.concernLevel(), a.ors(), a.orsRater(), a.requestJson(), a.responseJson());
    }
}
