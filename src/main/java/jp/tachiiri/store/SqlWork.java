package jp.tachiiri.store;

import java.sql.Connection;
import java.sql.SQLException;

/** A piece of work done on the database connection inside {@link Database#transaction}. */
@FunctionalInterface
interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
