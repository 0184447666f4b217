package dk.visitationadvisor.activation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The activation log in the database: appended to, never changed. */
@Repository
class ActivationLog {

    private static final String COLUMNS = "seq, version, previous_version, kind, activated_by, activated_at, reason";

    private final JdbcClient jdbc;

    ActivationLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Activation append(String version, String previousVersion, Activation.Kind kind, String by, Instant at,
            String reason) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO rule_set_activation (version, previous_version, kind, activated_by, activated_at, reason)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(version, previousVersion, kind.name(), by, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), reason)
                .update(key, "seq");
        return new Activation(key.getKeyAs(Number.class).longValue(), version, previousVersion, kind, by, at, reason);
    }

    /** The live version's entry; empty before the first start-up recorded one. */
    Optional<Activation> latest() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rule_set_activation ORDER BY seq DESC LIMIT 1")
                .query(ActivationLog::row).optional();
    }

    /** The version the rules directory had when it last brought new files. */
    Optional<Activation> latestDeployment() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rule_set_activation WHERE kind = ? ORDER BY seq DESC LIMIT 1")
                .param(Activation.Kind.DEPLOYED.name())
                .query(ActivationLog::row).optional();
    }

    /** Newest first. */
    List<Activation> page(int page, int size) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rule_set_activation ORDER BY seq DESC LIMIT ? OFFSET ?")
                .params(size, (long) page * size)
                .query(ActivationLog::row).list();
    }

    private static Activation row(ResultSet rs, int row) throws SQLException {
        return new Activation(rs.getLong("seq"), rs.getString("version"), rs.getString("previous_version"),
                Activation.Kind.valueOf(rs.getString("kind")), rs.getString("activated_by"),
                rs.getObject("activated_at", OffsetDateTime.class).toInstant(), rs.getString("reason"));
    }
}
