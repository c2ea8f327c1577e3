package cn.cac.gzh.filing;

import cn.cac.gzh.common.web.ApiException;

/** The one answer for an unknown filing, or someone else's: indistinguishable, so ids cannot be probed. */
public final class FilingErrors {

    private FilingErrors() {
    }

    public static ApiException notFound() {
        return ApiException.notFound("FILING_NOT_FOUND", "备案不存在");
    }
}
