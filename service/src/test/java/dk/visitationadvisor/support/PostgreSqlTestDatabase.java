package dk.visitationadvisor.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * The PostgreSQL server the {@code postgresql}-tagged tests run against, given by system properties
 * (the Maven profile {@code postgresql-tests} passes them on):
 * {@code advisor.test.postgresql.url}, {@code .username} and {@code .password}.
 *
 * <p>Every test class gets a schema of its own, new and empty, so that Flyway migrates an empty
 * database each run and a developer's database keeps nothing from the tests afterwards.
 */
public final class PostgreSqlTestDatabase {

    public static final String URL_PROPERTY = "advisor.test.postgresql.url";
    public static final String USERNAME_PROPERTY = "advisor.test.postgresql.username";
    public static final String PASSWORD_PROPERTY = "advisor.test.postgresql.password";

    private final String url;
    private final String username;
    private final String password;
    private final String schema;

    private PostgreSqlTestDatabase(String url, String username, String password, String schema) {
        this.url = url;
        this.username = username;
        this.password = password;
        this.schema = schema;
    }

    /** Creates a new, empty schema for one test class; fails (never skips) when no server is configured. */
    public static PostgreSqlTestDatabase newSchema(String purpose) {
        String url = System.getProperty(URL_PROPERTY, "");
        if (url.isBlank()) {
            throw new IllegalStateException("No PostgreSQL server for the postgresql tests: run them with "
                    + "mvn -pl service test -Ppostgresql-tests -Dpostgresql.url=jdbc:postgresql://HOST:PORT/DB "
                    + "-Dpostgresql.username=USER -Dpostgresql.password=PASSWORD (see docs/postgresql.md)");
        }
        String schema = (purpose + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        PostgreSqlTestDatabase database = new PostgreSqlTestDatabase(url,
                System.getProperty(USERNAME_PROPERTY, ""), System.getProperty(PASSWORD_PROPERTY, ""), schema);
        database.execute("CREATE SCHEMA " + schema);
        return database;
    }

    /** The JDBC URL of the server, with the test class's schema as the connection's current schema. */
    public String url() {
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public String schema() {
        return schema;
    }

    /** Drops the schema with everything the tests stored in it. */
    public void drop() {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(url, username, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + url + " as " + username + ": " + sql + ": "
                    + e.getMessage(), e);
        }
    }
}
