import java.net.HttpURLConnection;
import java.net.URI;

/**
 * Container health check without curl or wget in the image: exits 0 when the URL answers 2xx.
 * Usage: java -cp /app/healthcheck HealthCheck http://127.0.0.1:8080/actuator/health/readiness
 */
public final class HealthCheck {

    private HealthCheck() {
    }

    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : "http://127.0.0.1:8080/actuator/health/readiness";
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout(2000);
            connection.setReadTimeout(4000);
            int status = connection.getResponseCode();
            connection.disconnect();
            System.exit(status >= 200 && status < 300 ? 0 : 1);
        } catch (Exception e) {
            System.err.println("health check failed: " + e);
            System.exit(1);
        }
    }
}
