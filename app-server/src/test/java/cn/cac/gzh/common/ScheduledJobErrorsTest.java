package cn.cac.gzh.common;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.redis.RedisConnectionFailureException;

import static org.assertj.core.api.Assertions.assertThat;

/** A job failing during an outage logs one WARN line; a bug logs an ERROR with its stack trace. */
class ScheduledJobErrorsTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(ScheduledJobErrors.class);
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();

    @BeforeEach
    void capture() {
        events.start();
        logger.addAppender(events);
    }

    @AfterEach
    void release() {
        logger.detachAppender(events);
    }

    @Test
    void databaseRefusingConnectionsIsAWarningWithoutStackTrace() {
        new ScheduledJobErrors().handleError(new DataAccessResourceFailureException("could not get connection",
                new SQLNonTransientConnectionException("Could not create connection to database server", "08001")));
        new ScheduledJobErrors().handleError(new DataAccessResourceFailureException("pool",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available")));

        assertThat(events.list).hasSize(2).allSatisfy(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).startsWith("Scheduled job skipped, database unavailable");
            assertThat(event.getThrowableProxy()).isNull();
        });
    }

    @Test
    void redisDownIsAWarningWithoutStackTrace() {
        new ScheduledJobErrors().handleError(new RedisConnectionFailureException("Unable to connect to Redis"));

        assertThat(events.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).contains("Redis unavailable");
            assertThat(event.getThrowableProxy()).isNull();
        });
    }

    @Test
    void anythingElseIsAnErrorWithItsStackTrace() {
        new ScheduledJobErrors().handleError(new IllegalStateException("a bug"));

        assertThat(events.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getThrowableProxy().getMessage()).isEqualTo("a bug");
        });
    }
}
