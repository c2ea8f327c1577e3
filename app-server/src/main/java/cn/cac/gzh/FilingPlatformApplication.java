package cn.cac.gzh;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The filing platform service: operators file their official accounts, staff review them,
 * the system reminds and escalates. Each top-level package below is one application module.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FilingPlatformApplication {

    public static void main(String[] args) {
        SpringApplication.run(FilingPlatformApplication.class, args);
    }
}
