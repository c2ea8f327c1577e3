package cn.cac.devservices;

import java.util.List;

import cn.cac.devservices.demo.DemoCounty;
import cn.cac.gzh.console.ConsoleBootstrap;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Prints where everything is once the local service is ready, or, when an embedded twin could not
 * start, the self-check: one line with the cause and the fix, in the same frame.
 */
final class DevServicesBanner implements ApplicationListener<ApplicationReadyEvent> {

    private static final String TOP = "==================== 公众号登记备案平台 (local) ====================\n";
    private static final String BOTTOM = "====================================================================\n";

    /** The banner frame around the self-check's one line. */
    static String selfCheckFailed(DevServiceStartException failure) {
        return "\n" + TOP + "  Self-check failed: " + failure.line() + "\n" + BOTTOM;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        var context = event.getApplicationContext();
        String port = context.getEnvironment().getProperty("local.server.port", "8080");
        String base = "http://localhost:" + port;
        List<String> services = context.containsBean(DevServicesInitializer.BEAN_NAME)
                ? context.getBean(DevServices.class).describe() : List.of();
        StringBuilder banner = new StringBuilder("\n")
                .append(TOP)
                .append("  Service      ").append(base).append('\n')
                .append("  Health       ").append(base).append("/actuator/health\n")
                .append("  OpenAPI UI   ").append(base).append("/swagger-ui.html\n")
                .append("  Console      ").append(base).append("/console/\n");
        context.getBean(ConsoleBootstrap.class).generatedAdminPassword().ifPresent(password -> banner
                .append("  First administrator (shown once): admin / ").append(password).append('\n'));
        context.getBeanProvider(DemoCounty.class).ifAvailable(demo -> demo.bannerLines()
                .forEach(line -> banner.append("  ").append(line).append('\n')));
        for (String service : services) {
            banner.append("  ").append(service).append('\n');
        }
        banner.append("  Stop with Ctrl-C: every process started here stops with it.\n")
                .append(BOTTOM);
        System.out.println(banner);
    }
}
