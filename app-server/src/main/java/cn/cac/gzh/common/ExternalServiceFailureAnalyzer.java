package cn.cac.gzh.common;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a failed start caused by an unreachable service into a message that names the setting to fix. */
class ExternalServiceFailureAnalyzer extends AbstractFailureAnalyzer<ExternalServiceUnavailableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ExternalServiceUnavailableException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Check " + cause.settings() + ". Leave them all unset to run with embedded dev services (see README).",
                cause);
    }
}
