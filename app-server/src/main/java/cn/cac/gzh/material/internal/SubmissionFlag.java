package cn.cac.gzh.material.internal;

import cn.cac.gzh.filing.FilingStatus;
import cn.cac.gzh.filing.FilingStatusChanged;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * On submission the form is final: the filing's mismatch flag is worked out again against it, so a correction
 * the operator made after uploading clears the flag (and a later change of the form raises it).
 */
@Component
class SubmissionFlag {

    private final MaterialChecks checks;

    SubmissionFlag(MaterialChecks checks) {
        this.checks = checks;
    }

    @ApplicationModuleListener
    void on(FilingStatusChanged event) {
        if (event.to() == FilingStatus.SUBMITTED) {
            checks.refreshFlag(event.filingId());
        }
    }
}
