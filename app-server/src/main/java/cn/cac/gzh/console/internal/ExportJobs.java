package cn.cac.gzh.console.internal;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;

import cn.cac.gzh.audit.AuditEntry;
import cn.cac.gzh.audit.AuditTrail;
import cn.cac.gzh.common.Times;
import cn.cac.gzh.common.db.RetryingTransactions;
import cn.cac.gzh.common.DomainException;
import cn.cac.gzh.filing.ExportRow;
import cn.cac.gzh.filing.FilingExport;
import cn.cac.gzh.filing.FilingStatus;
import cn.cac.gzh.filing.RegistryQuery;
import cn.cac.gzh.storage.ObjectStorage;
import cn.idev.excel.ExcelWriter;
import cn.idev.excel.FastExcel;
import cn.idev.excel.write.metadata.WriteSheet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Exports run in the background: rows stream from the database in batches into a streaming xlsx
 * writer (a temporary file, then the bucket), and the job's row shows the progress meanwhile.
 */
@Service
class ExportJobs {

    enum Kind { REGISTRY, ENFORCEMENT }

    record Job(String id, String kind, long requestedBy, boolean fullIdNumbers, String status, long totalRows,
            long rowsWritten, String objectKey, String fileName, String error, LocalDateTime createdAt,
            LocalDateTime finishedAt) {
    }

    static final String BUSY = "当前导出任务较多，请稍后再试";
    private static final Logger log = LoggerFactory.getLogger(ExportJobs.class);
    private static final int BATCH = 1000;
    private static final List<String> HEADERS = List.of("备案编号", "状态", "公众号名称", "微信号", "原始ID", "帐号类型",
            "开通日期", "内容类别", "所在乡镇", "主体类型", "主体名称", "统一社会信用代码/组织机构代码", "单位负责人",
            "负责人身份证号码", "负责人手机", "管理员", "管理员身份证号码", "管理员手机", "登记人", "登记人身份证号码",
            "登记人手机", "截止日期", "是否逾期", "提交时间", "审核时间", "已收纸质材料", "处置记录");

    private final ExportJobMapper jobs;
    private final FilingExport source;
    private final ObjectStorage storage;
    private final AuditTrail audit;
    private final Executor executor;
    private final Clock clock;
    private final ExportHeartbeats heartbeats;
    private final RetryingTransactions transactions;
    private final ExportMetrics metrics;

    ExportJobs(ExportJobMapper jobs, FilingExport source, ObjectStorage storage, AuditTrail audit,
            @Qualifier("exportExecutor") Executor executor, Clock clock, ExportHeartbeats heartbeats,
            RetryingTransactions transactions, ExportMetrics metrics) {
        this.metrics = metrics;
        this.heartbeats = heartbeats;
        this.transactions = transactions;
        this.jobs = jobs;
        this.source = source;
        this.storage = storage;
        this.audit = audit;
        this.executor = executor;
        this.clock = clock;
    }

    Job start(Kind kind, boolean fullIdNumbers, String text, FilingStatus status, String township, long staffId,
            String clientIp) {
        String id = UUID.randomUUID().toString().replace("-", "");
        LocalDateTime now = LocalDateTime.now(clock);
        String fileName = (kind == Kind.REGISTRY ? "备案台账-" : "逾期处置名单-")
                + Times.display(now).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmm")) + ".xlsx";
        // the job and its audit entry commit together; the work starts after the commit (it reads the row)
        transactions.run("startExport", () -> {
            jobs.insertRunning(id, kind.name(), staffId, fullIdNumbers, text, status == null ? null : status.name(), township,
                    heartbeats.owner(), fileName, now);
            audit.record(new AuditEntry("STAFF", staffId, fullIdNumbers ? "EXPORT_WITH_FULL_ID_NUMBERS" : "EXPORT",
                    "EXPORT_JOB", id, "kind=" + kind, clientIp));
        });
        RegistryQuery filter = new RegistryQuery(text, null, status, township, null, null, null, null,
                kind == Kind.ENFORCEMENT ? Boolean.TRUE : null, null, null, null, 1, 1);
        try {
            // the export runs as its requester: a county office's export is narrowed to its county like its requests
            executor.execute(DelegatingSecurityContextRunnable.create(() -> run(id, kind, filter, fullIdNumbers),
                    SecurityContextHolder.getContext()));
        } catch (TaskRejectedException e) {
            // the line is full: nothing will run it, so it must not stay RUNNING
            log.warn("Export refused, the export queue is full: exportId={}", id);
            metrics.refusedBusy();
            fail(id, BUSY);
            throw DomainException.unavailable("EXPORT_BUSY", BUSY).retryAfter(30);
        }
        return find(id).orElseThrow();
    }

    Optional<Job> find(String id) {
        return Optional.ofNullable(jobs.find(id));
    }

    /** Opens a finished export's file. */
    InputStream open(Job job) {
        if (!"DONE".equals(job.status())) {
            throw DomainException.conflict("EXPORT_NOT_READY", "导出尚未完成");
        }
        return storage.open(job.objectKey()).orElseThrow(() -> DomainException.notFound("EXPORT_NOT_FOUND", "导出文件不存在"));
    }

    private void run(String id, Kind kind, RegistryQuery filter, boolean fullIdNumbers) {
        long start = System.nanoTime();
        File file = null;
        try {
            if (!touch(id)) {
                return; // failed while it waited (its instance was taken for dead)
            }
            long total = source.count(filter);
            jobs.setTotal(id, total, LocalDateTime.now(clock));
            file = Files.createTempFile("export-", ".xlsx").toFile();
            long[] written = {0};
            ExcelWriter writer = FastExcel.write(file).head(HEADERS.stream().map(List::of).toList()).build();
            try {
                WriteSheet sheet = FastExcel.writerSheet(kind == Kind.REGISTRY ? "备案台账" : "逾期处置").build();
                // the sheet and its header even when nothing matches: a workbook without a sheet does not open
                writer.write(List.of(), sheet);
                source.forEachBatch(filter, fullIdNumbers, kind == Kind.ENFORCEMENT, BATCH, batch -> {
                    writer.write(cells(batch), sheet);
                    written[0] += batch.size();
                    if (jobs.setWritten(id, written[0], LocalDateTime.now(clock)) == 0) {
                        throw new IllegalStateException("export job no longer running");
                    }
                });
            } finally {
                writer.finish();
            }
            String key = "x/" + id;
            try (InputStream in = new FileInputStream(file)) {
                storage.put(key, in, file.length(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            }
            jobs.finish(id, key, written[0], LocalDateTime.now(clock));
            metrics.done(start);
            log.info("Export done: exportId={} kind={} rows={}", id, kind, written[0]);
        } catch (Exception e) {
            log.error("Export failed: exportId={}", id, e);
            fail(id, "导出失败，请重试");
            metrics.failed(start);
        } finally {
            if (file != null && !file.delete()) {
                file.deleteOnExit();
            }
        }
    }

    /** A RUNNING job is still this instance's to run. */
    private boolean touch(String id) {
        return jobs.touch(id, LocalDateTime.now(clock)) == 1;
    }

    private void fail(String id, String reason) {
        jobs.fail(id, reason, LocalDateTime.now(clock));
    }

    private static List<List<String>> cells(List<ExportRow> batch) {
        List<List<String>> rows = new ArrayList<>(batch.size());
        for (ExportRow r : batch) {
            rows.add(java.util.stream.Stream.of(r.filingNumber(), r.status(), r.accountName(), r.wechatId(), r.originalId(),
                    r.accountType(), r.openedOn(), r.contentCategory(), r.township(), r.subjectType(), r.subjectName(),
                    r.unitCode(), r.responsibleName(), r.responsibleIdNumber(), r.responsiblePhone(), r.adminName(),
                    r.adminIdNumber(), r.adminPhone(), r.personName(), r.personIdNumber(), r.personPhone(), r.dueOn(),
                    r.overdue(), r.submittedAt(), r.decidedAt(), r.paperReceived(), r.enforcement())
                    .map(ExcelCells::safe).map(v -> v == null ? "" : v).toList());
        }
        return rows;
    }
}
