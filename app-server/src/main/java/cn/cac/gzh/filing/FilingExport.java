package cn.cac.gzh.filing;

import java.util.List;
import java.util.function.Consumer;

/** Streams filings for exports in batches, so a hundred thousand rows never sit in memory at once. */
public interface FilingExport {

    /** How many rows {@link #forEachBatch} will hand out for {@code filter}. */
    long count(RegistryQuery filter);

    /**
     * @param withEnforcement fill {@link ExportRow#enforcement()} with the actions taken (the enforcement list)
     */
    void forEachBatch(RegistryQuery filter, boolean fullIdNumbers, boolean withEnforcement, int batchSize,
            Consumer<List<ExportRow>> batch);
}
