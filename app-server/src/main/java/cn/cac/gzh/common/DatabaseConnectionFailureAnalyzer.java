package cn.cac.gzh.common;

import java.sql.SQLException;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * A start that fails because the database cannot be reached, refuses the login or lacks the schema
 * is reported with the settings that decide it, instead of a long stack trace.
 */
class DatabaseConnectionFailureAnalyzer implements FailureAnalyzer {

    /** MySQL/MariaDB "unknown database". */
    private static final int UNKNOWN_DATABASE = 1049;

    private final Environment environment;

    DatabaseConnectionFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        SQLException sqlException = findConnectionFailure(failure);
        if (sqlException == null) {
            return null;
        }
        String url = RedactedUrls.redact(environment.getProperty("spring.datasource.url", "(not set)"));
        String description = "Cannot use the database at " + url + ": " + sqlException.getMessage();
        String action = "Check spring.datasource.url (SPRING_DATASOURCE_URL), spring.datasource.username "
                + "(SPRING_DATASOURCE_USERNAME) and spring.datasource.password (SPRING_DATASOURCE_PASSWORD). "
                + "Leave them unset to run with the embedded database (see README).";
        return new FailureAnalysis(description, action, failure);
    }

    private static SQLException findConnectionFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && isConnectionProblem(sql)) {
                return sql;
            }
        }
        return null;
    }

    private static boolean isConnectionProblem(SQLException e) {
        String state = e.getSQLState();
        return (state != null && (state.startsWith("08") || state.startsWith("28")))
                || e.getErrorCode() == UNKNOWN_DATABASE;
    }
}
