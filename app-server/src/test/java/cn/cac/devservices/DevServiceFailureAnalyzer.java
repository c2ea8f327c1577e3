package cn.cac.devservices;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports an embedded twin that could not start by its self-check line (cause, then fix) instead
 * of a stack trace. Registered in the test classpath's {@code META-INF/spring.factories}.
 */
class DevServiceFailureAnalyzer extends AbstractFailureAnalyzer<DevServiceStartException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DevServiceStartException cause) {
        return new FailureAnalysis(cause.service() + " cannot start: " + cause.reason() + ".",
                Character.toUpperCase(cause.fix().charAt(0)) + cause.fix().substring(1) + ".", cause);
    }
}
