package cn.cac.devservices;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.security.SecureRandom;

import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;

/**
 * An S3-compatible server (s3proxy) in this JVM on 127.0.0.1. It checks request signatures, so
 * presigned URLs and POST policies behave as on MinIO. Keys are random per start.
 */
final class EmbeddedS3 implements DevService {

    static final String NAME = "S3 (s3proxy)";
    static final String SETTING = "STORAGE_ENDPOINT";

    private final S3Proxy proxy;
    private final String accessKey;
    private final String secretKey;

    private EmbeddedS3(S3Proxy proxy, String accessKey, String secretKey) {
        this.proxy = proxy;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    /** @param directory where objects are kept between runs, or {@code null} for memory only */
    static EmbeddedS3 start(Path directory) {
        return start(directory, FreePorts.next());
    }

    static EmbeddedS3 start(Path directory, int port) {
        S3Proxy proxy = null;
        try {
            Properties properties = new Properties();
            String provider = "transient";
            if (directory != null) {
                provider = "filesystem";
                Files.createDirectories(directory);
                properties.setProperty("jclouds.filesystem.basedir", directory.toAbsolutePath().toString());
            }
            String accessKey = "dev-" + random(4);
            String secretKey = random(16);
            proxy = S3Proxy.builder()
                    .blobStore(BlobStores.create(provider, properties))
                    .endpoint(URI.create("http://127.0.0.1:" + port))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                    .stopTimeout(500)
                    .build();
            proxy.start();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!"STARTED".equals(proxy.getState())) {
                if ("FAILED".equals(proxy.getState()) || System.nanoTime() > deadline) {
                    throw new IllegalStateException("s3proxy state " + proxy.getState());
                }
                Thread.sleep(10);
            }
            return new EmbeddedS3(proxy, accessKey, secretKey);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (proxy != null) {
                try {
                    proxy.stop();
                } catch (Exception ignored) {
                    // it did not start
                }
            }
            throw StartupSelfCheck.diagnose(NAME, SETTING, port, directory, e, List.of());
        }
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        new SecureRandom().nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    @Override
    public String name() {
        return NAME;
    }

    String endpoint() {
        return "http://127.0.0.1:" + proxy.getPort();
    }

    @Override
    public Map<String, String> properties() {
        return Map.of("storage.endpoint", endpoint(), "storage.access-key", accessKey, "storage.secret-key", secretKey);
    }

    @Override
    public String location() {
        return endpoint() + " (access key " + accessKey + ", secret key " + secretKey + ")";
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (java.util.concurrent.TimeoutException graceful) {
            // open keep-alive connections outlived the graceful period; the server is stopped anyway
        } catch (Exception e) {
            throw new IllegalStateException("Embedded S3 server did not stop", e);
        }
    }
}
