package cn.cac.devservices;

import java.util.Map;

import cn.cac.gzh.FilingPlatformApplication;

import org.springframework.boot.SpringApplication;

/**
 * The run command's entry point ({@code mvn -f app-server/pom.xml spring-boot:test-run}): the real
 * application plus dev services for whatever the environment does not configure. Data is kept in
 * {@code app-server/.devservices/} between runs.
 */
public final class LocalFilingPlatform {

    private LocalFilingPlatform() {
    }

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(FilingPlatformApplication.class);
        application.addInitializers(new DevServicesInitializer());
        application.addListeners(new DevServicesBanner());
        application.setDefaultProperties(Map.of(DevServicesInitializer.PERSISTENT, "true"));
        application.run(args);
    }
}
