package cn.cac.testsupport;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A staff account of one county's office, created by the city's administrator and signed in. */
public final class CountyStaff {

    public static final String PASSWORD = "County-Staff-2026";

    private CountyStaff() {
    }

    /** Creates an account of {@code scopeCode} with {@code roles} through {@code city} and returns its signed-in client. */
    public static ConsoleClient signedIn(int port, ConsoleClient city, String scopeCode, List<String> roles) {
        String username = "cs" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(city.post("/api/console/admin/staff", Map.of("username", username, "displayName", "县级工作人员",
                "password", PASSWORD, "roles", roles, "scopeCode", scopeCode)).status()).isEqualTo(201);
        ConsoleClient client = new ConsoleClient(port);
        assertThat(client.login(username, PASSWORD).status()).isEqualTo(200);
        return client;
    }
}
