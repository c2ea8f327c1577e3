package cn.cac.gzh.filing.internal;

import cn.cac.gzh.filing.FilingFlags;

import org.springframework.stereotype.Service;

@Service
class DatabaseFilingFlags implements FilingFlags {

    private final FilingMapper filings;

    DatabaseFilingFlags(FilingMapper filings) {
        this.filings = filings;
    }

    @Override
    public void setMaterialMismatch(long filingId, boolean mismatch) {
        filings.setMaterialMismatch(filingId, mismatch);
    }
}
