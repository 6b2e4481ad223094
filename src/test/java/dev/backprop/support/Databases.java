package dev.backprop.support;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/** Which database a test context really talks to, so a suite meant for PostgreSQL cannot silently run on H2. */
public final class Databases {

    private Databases() {
    }

    public static String productName(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
