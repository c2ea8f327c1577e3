package cn.cac.gzh.filing;

import cn.cac.gzh.common.DomainException;

/** The one answer for an unknown filing, or someone else's: indistinguishable, so ids cannot be probed. */
public final class FilingErrors {

    private FilingErrors() {
    }

    public static DomainException notFound() {
        return DomainException.notFound("FILING_NOT_FOUND", "备案不存在");
    }
}
