package cn.cac.gzh.storage.internal;

import java.net.URI;
import java.time.Duration;

import cn.cac.gzh.storage.StorageProperties;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/** An unreachable storage server turns the component DOWN with the reason, quickly. */
class ObjectStorageHealthIndicatorTest {

    @Test
    void downWithReasonWhenTheServerIsUnreachable() {
        // port 9 (discard) is closed on loopback here: the connection is refused at once
        var properties = new StorageProperties(URI.create("http://127.0.0.1:9"), "key", "secret", "filing-materials",
                "us-east-1", Duration.ofSeconds(1), Duration.ofSeconds(1), null);
        var indicator = new ObjectStorageHealthIndicator(new MinioConfiguration().minioClient(properties), properties);

        var health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("endpoint", "http://127.0.0.1:9");
        assertThat(String.valueOf(health.getDetails().get("error"))).containsIgnoringCase("connect");
    }
}
