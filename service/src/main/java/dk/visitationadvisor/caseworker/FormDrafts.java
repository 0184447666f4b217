package dk.visitationadvisor.caseworker;

import dk.visitationadvisor.casehistory.CaseDataStore;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The caseworker's drafts of the form, one per case and person, kept on the server while they type so
 * that an ended session loses nothing. Erased with the case; the controller audits every read.
 */
@Repository
class FormDrafts implements CaseDataStore {

    private static final TypeReference<Map<String, List<String>>> FIELDS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    FormDrafts(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    void save(String caseRef, String username, Map<String, List<String>> fields) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        String body = json.writeValueAsString(fields);
        int updated = jdbc.sql("UPDATE form_draft SET fields_json = ?, saved_at = ? WHERE case_ref = ? AND username = ?")
                .params(body, now, caseRef, username).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO form_draft (case_ref, username, fields_json, saved_at) VALUES (?, ?, ?, ?)")
                    .params(caseRef, username, body, now).update();
        }
    }

    Optional<Map<String, List<String>>> find(String caseRef, String username) {
        return jdbc.sql("SELECT fields_json FROM form_draft WHERE case_ref = ? AND username = ?")
                .params(caseRef, username).query(String.class).optional().map(body -> json.readValue(body, FIELDS));
    }

    /** The cases this person has a draft for, the latest first. */
    List<String> cases(String username) {
        return jdbc.sql("SELECT case_ref FROM form_draft WHERE username = ? ORDER BY saved_at DESC").param(username)
                .query(String.class).list();
    }

    void delete(String caseRef, String username) {
        jdbc.sql("DELETE FROM form_draft WHERE case_ref = ? AND username = ?").params(caseRef, username).update();
    }

    @Override
    public void eraseCase(String caseRef) {
        jdbc.sql("DELETE FROM form_draft WHERE case_ref = ?").param(caseRef).update();
    }

    @Override
    public List<String> tables() {
        return List.of("form_draft");
    }
}
