package cn.cac.gzh.common;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;

import cn.cac.gzh.common.db.TransientDatabaseFailures;

/**
 * Recognises failures that mean "a service we depend on is down or busy", not a bug: the web edge answers
 * them with 503, scheduled jobs log them as one WARN line and try again at their next run.
 */
public final class Outages {

    private Outages() {
    }

    /** The database stayed busy (deadlock, lock wait, no free connection) or could not be reached (lost or refused). */
    public static boolean databaseUnavailable(Throwable failure) {
        if (TransientDatabaseFailures.isTransient(failure)) {
            return true;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // Connector/J's CommunicationsException is an SQLRecoverableException; a refused new connection
            // is an SQLNonTransientConnectionException (SQL state 08xxx)
            if (t instanceof SQLRecoverableException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
        }
        return false;
    }

    /** Redis is behind the failure (refused, timed out, connection lost), by the Lettuce or Spring Data Redis type. */
    public static boolean redisUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof io.lettuce.core.RedisException
                    || t instanceof org.springframework.data.redis.RedisConnectionFailureException
                    || t instanceof org.springframework.data.redis.RedisSystemException) {
                return true;
            }
        }
        return false;
    }

    /** The innermost cause as "Type: message", for a one-line log. */
    public static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
