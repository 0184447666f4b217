package dk.visitationadvisor.casehistory;

import dk.visitationadvisor.ruleengine.RuleFiles;
import dk.visitationadvisor.ruleengine.RuleSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The files of every rule set that answered an assessment or was activated, once per version: what
 * an answer is traced to, and what a rollback or another instance loads a version from.
 */
@Repository
public class RuleSetArchive {

    private static final TypeReference<Map<String, String>> FILES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    /** Versions known to be stored, so that each is written once, not per assessment. */
    private final Set<String> recordedVersions = ConcurrentHashMap.newKeySet();
    /** A savepoint around the row, so that losing the race for it leaves the caller's transaction usable. */
    private final TransactionTemplate savepoint;

    RuleSetArchive(JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Stores the rule set's files unless its version is there; part of the caller's transaction. */
    public void record(RuleSet ruleSet) {
        if (recordedVersions.contains(ruleSet.version())) {
            return;
        }
        try {
            savepoint.executeWithoutResult(status -> jdbc.sql("INSERT INTO rule_set_version "
                            + "(version, origin, files, first_used_at) "
                            + "SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM rule_set_version WHERE version = ?)")
                    .params(ruleSet.version(), ruleSet.origin(), json.writeValueAsString(ruleSet.files()),
                            OffsetDateTime.now(ZoneOffset.UTC), ruleSet.version())
                    .update());
        } catch (DuplicateKeyException anotherInstanceWasFaster) {
            // The same version, stored at the same moment by another instance: it is there. The
            // savepoint undid only the failed insert; PostgreSQL would otherwise refuse the rest.
        }
        // Remembered only once the row is committed: a rolled-back transaction takes the row with it.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                recordedVersions.add(ruleSet.version());
            }
        });
    }

    /** The files of a stored version, as they were when it was first used. */
    public Optional<RuleFiles> files(String version) {
        return jdbc.sql("SELECT origin, files FROM rule_set_version WHERE version = ?")
                .param(version)
                .query((rs, row) -> new RuleFiles(rs.getString("origin"), json.readValue(rs.getString("files"), FILES)))
                .optional();
    }
}
