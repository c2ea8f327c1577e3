package cn.cac.devservices;

import java.util.List;
import java.util.Map;

import cn.cac.devservices.demo.DemoConfiguration;
import cn.cac.gzh.FilingPlatformApplication;

import org.springframework.boot.SpringApplication;

/**
 * The run command's entry point ({@code mvn -f app-server/pom.xml spring-boot:test-run}): the real
 * application plus dev services for whatever the environment does not configure. Data is kept in
 * {@code app-server/.devservices/} between runs. The first start fills a demo county ({@link DemoConfiguration},
 * docs/demo.md) unless {@code DEMO_ENABLED=false}.
 */
public final class LocalFilingPlatform {

    private LocalFilingPlatform() {
    }

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(FilingPlatformApplication.class);
        application.addPrimarySources(List.of(DemoConfiguration.class));
        application.addInitializers(new DevServicesInitializer());
        application.addListeners(new DevServicesBanner());
        application.setDefaultProperties(Map.of(DevServicesInitializer.PERSISTENT, "true"));
        application.run(args);
    }
}
