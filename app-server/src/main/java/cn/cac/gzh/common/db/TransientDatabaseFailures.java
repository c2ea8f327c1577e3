package cn.cac.gzh.common.db;

import java.sql.SQLTransientException;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;

/**
 * Which database failures go away by themselves: a deadlock victim, a lock wait that timed out, a
 * pool with no free connection in time. The same work, tried again a moment later, can succeed.
 */
public final class TransientDatabaseFailures {

    private TransientDatabaseFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // deadlock (1213) and lock wait time-out (1205) arrive as PessimisticLockingFailureException,
            // pool time-outs as SQLTransientConnectionException inside CannotGetJdbcConnectionException or
            // CannotCreateTransactionException, driver-level roll-backs as SQLTransactionRollbackException
            if (t instanceof PessimisticLockingFailureException || t instanceof QueryTimeoutException
                    || t instanceof TransientDataAccessResourceException || t instanceof SQLTransientException) {
                return true;
            }
        }
        return false;
    }
}
