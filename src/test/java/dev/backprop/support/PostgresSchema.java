package dev.backprop.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * An already-running PostgreSQL named by {@code BACKPROP_TEST_POSTGRES_URL} (a JDBC URL, e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}). Each test class gets a schema of its own, dropped
 * afterwards, so runs never see each other's rows.
 */
public final class PostgresSchema {

    public static final String URL_VARIABLE = "BACKPROP_TEST_POSTGRES_URL";

    private final String url;
    private final String schema;

    private PostgresSchema(String url) {
        this.url = url;
        this.schema = "backprop_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    }

    public static PostgresSchema createSchema() {
        String url = System.getenv(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            throw new IllegalStateException(URL_VARIABLE + " is not set");
        }
        PostgresSchema database = new PostgresSchema(url);
        database.execute("create schema " + database.schema);
        return database;
    }

    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        registry.add("spring.flyway.schemas", () -> schema);
        registry.add("spring.flyway.default-schema", () -> schema);
    }

    public String jdbcUrl() {
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public void drop() {
        execute("drop schema if exists " + schema + " cascade");
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + url + ": " + e.getMessage(), e);
        }
    }
}
