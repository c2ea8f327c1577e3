package cn.cac.gzh;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/** The module structure holds (no cycles, no reaching into another module's internals), and docs/modules shows it. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(FilingPlatformApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
        assertThat(modules.stream().map(module -> module.getIdentifier().toString()))
                .contains("common", "region", "storage", "wechat");
    }

    @Test
    void writesModuleDocumentationIntoDocs() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("../docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        assertThat(new java.io.File("../docs/modules/components.puml")).isFile();
    }
}
