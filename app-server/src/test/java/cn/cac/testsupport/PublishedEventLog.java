package cn.cac.testsupport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.event.EventListener;

/**
 * Every application event of ours published in the test context, from any thread (HTTP requests
 * run on server threads, which {@code @RecordApplicationEvents} does not see).
 */
@TestComponent
public class PublishedEventLog {

    private final List<Object> events = new CopyOnWriteArrayList<>();

    @EventListener
    void on(Object event) {
        if (event.getClass().getName().startsWith("cn.cac.gzh.")) {
            events.add(event);
        }
    }

    public <T> Stream<T> stream(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast);
    }
}
