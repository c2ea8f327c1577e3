package cn.cac.gzh.filing.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import cn.cac.gzh.common.CallerScope;
import cn.cac.gzh.common.db.RetryTransientFailures;
import cn.cac.gzh.common.Times;
import cn.cac.gzh.common.DomainException;
import cn.cac.gzh.filing.EnforcementAction;
import cn.cac.gzh.filing.EnforcementRecord;
import cn.cac.gzh.filing.FilingErrors;
import cn.cac.gzh.filing.FilingRegistry;
import cn.cac.gzh.filing.FilingStatus;
import cn.cac.gzh.filing.RegistryEntry;
import cn.cac.gzh.filing.RegistryPage;
import cn.cac.gzh.filing.RegistryQuery;
import cn.cac.gzh.filing.RegistryStats;
import cn.cac.gzh.filing.StaffFilingView;
import cn.cac.gzh.region.County;
import cn.cac.gzh.region.RegionDirectory;
import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class RegistryService implements FilingRegistry {

    private static final Map<String, String> SORTABLE = Map.of("createdAt", "created_at", "dueOn", "due_on",
            "accountName", "account_name", "filingNumber", "filing_number", "submittedAt", "submitted_at");
    private static final String LIST_COLUMNS = "id, operator_id, status, form_type, account_name, account_wechat_id, "
            + "account_original_id, subject_name, township, filing_number, due_on, submitted_at, created_at, paper_received_at, "
            + "material_mismatch";

    private final FilingMapper filings;
    private final RegistryMapper registry;
    private final TransitionMapper transitions;
    private final FilingViews views;
    private final RegionDirectory regions;
    private final ObjectProvider<CallerScope> scope;
    private final Clock clock;

    RegistryService(FilingMapper filings, RegistryMapper registry, TransitionMapper transitions, FilingViews views,
            RegionDirectory regions, ObjectProvider<CallerScope> scope, Clock clock) {
        this.filings = filings;
        this.registry = registry;
        this.transitions = transitions;
        this.views = views;
        this.regions = regions;
        this.scope = scope;
        this.clock = clock;
    }

    @Override
    public RegistryPage search(RegistryQuery query) {
        LocalDate today = Times.today(clock);
        // the page is found by id alone, then its rows are read by primary key ("deferred join"): a deep page then
        // skips its offset in the sorting index, instead of reading every skipped row from the table
        QueryWrapper<FilingRow> where = RegistryFilters.where(query, today).select("id");
        String sort = query.sort() == null || query.sort().isBlank() ? defaultSort(query) : query.sort();
        boolean descending = sort.startsWith("-");
        String column = SORTABLE.get(descending ? sort.substring(1) : sort);
        if (column == null) {
            throw DomainException.invalid("SORT_NOT_SUPPORTED", "不支持按该字段排序：" + sort);
        }
        where.orderBy(true, !descending, column).orderBy(true, !descending, "id");
        int size = Math.min(Math.max(query.size(), 1), 100);
        Page<FilingRow> page = Page.of(Math.max(query.page(), 1), size);
        page.setSearchCount(false);
        filings.selectPage(page, where);
        long total = registry.countCapped(RegistryFilters.where(query, today), RegistryPage.COUNT_LIMIT + 1);
        List<RegistryEntry> items = rowsInOrder(page.getRecords().stream().map(FilingRow::getId).toList()).stream()
                .map(row -> entry(row, today)).toList();
        return new RegistryPage(items, Math.min(total, RegistryPage.COUNT_LIMIT), total > RegistryPage.COUNT_LIMIT,
                (int) page.getCurrent(), size);
    }

    /** The rows of these ids, in the ids' order (narrowed like every read of {@code filing}). */
    private List<FilingRow> rowsInOrder(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, FilingRow> byId = new HashMap<>();
        filings.selectList(new QueryWrapper<FilingRow>().select(LIST_COLUMNS).in("id", ids))
                .forEach(row -> byId.put(row.getId(), row));
        // a filing that left the caller's county between the two reads is left out rather than shown empty
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** A text search lists in the searched column's order, so its index answers in order; otherwise newest first. */
    private static String defaultSort(RegistryQuery query) {
        String column = RegistryFilters.textColumn(query.text());
        return column == null ? "-createdAt" : switch (column) {
            case "filing_number" -> "filingNumber";
            case "account_name" -> "accountName";
            default -> "-createdAt";
        };
    }

    @Override
    public Optional<StaffFilingView> detail(long filingId) {
        FilingRow row = filings.selectById(filingId);
        if (row == null) {
            return Optional.empty();
        }
        var history = transitions.findByFiling(filingId).stream()
                .map(t -> new StaffFilingView.Transition(t.fromStatus(), t.toStatus(), t.actorType(), t.actorId(), t.reason(),
                        Times.display(t.occurredAt())))
                .toList();
        return Optional.of(new StaffFilingView(row.getId(), row.getOperatorId(), row.getStatus(), row.getStatus().label(),
                row.getVersion(), row.getFilingNumber(), row.getDueOn(), views.overdue(row), views.maskedForm(row),
                row.getRejectionReason(), row.getRevocationReason(), Times.display(row.getSubmittedAt()),
                Times.display(row.getDecidedAt()), Times.display(row.getPaperReceivedAt()), history,
                enforcementOf(filingId)));
    }

    @Override
    public RegistryStats stats() {
        Map<FilingStatus, Long> byStatus = new EnumMap<>(FilingStatus.class);
        for (FilingStatus status : FilingStatus.values()) {
            byStatus.put(status, 0L);
        }
        registry.countByStatus().forEach(c -> byStatus.put(FilingStatus.valueOf(c.name()), c.count()));
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
        LocalDate today = Times.today(clock);
        return new RegistryStats(total, byStatus, toMap(registry.countByTownship()), toMap(registry.countBySubjectType()),
                registry.countOverdue(today), registry.countAwaitingPaper(), byCounty(today));
    }

    /**
     * Every county of the city with its figures (zeros for a county without filings), from one GROUP BY. The
     * statement is narrowed like every other one on {@code filing}; the list of names follows the same scope, so a
     * caller bound to one county gets that county's row only.
     */
    private List<RegistryStats.CountyCounts> byCounty(LocalDate today) {
        Map<String, RegistryMapper.CountyCount> counted = new LinkedHashMap<>();
        registry.countByCounty(today).forEach(c -> counted.put(c.countyCode(), c));
        Optional<String> bound = CallerScope.current(scope);
        Map<String, String> names = new TreeMap<>();
        for (County county : regions.counties()) {
            if (bound.isEmpty() || bound.get().equals(county.code())) {
                names.put(county.code(), county.name());
            }
        }
        // a filing of a county no longer listed still counts somewhere: under its code
        counted.keySet().forEach(code -> names.putIfAbsent(code, code));
        return names.entrySet().stream().map(county -> {
            RegistryMapper.CountyCount c = counted.get(county.getKey());
            return c == null ? new RegistryStats.CountyCounts(county.getKey(), county.getValue(), 0, 0, 0, 0)
                    : new RegistryStats.CountyCounts(county.getKey(), county.getValue(), c.total(), c.submitted(), c.approved(),
                            c.overdue());
        }).toList();
    }

    @Override
    @Transactional
    @RetryTransientFailures
    public void markPaperReceived(long filingId, long staffId) {
        FilingRow row = filings.selectById(filingId);
        if (row == null) {
            throw FilingErrors.notFound();
        }
        if (row.getStatus() != FilingStatus.APPROVED && row.getStatus() != FilingStatus.SUBMITTED) {
            throw DomainException.conflict("ILLEGAL_TRANSITION", "备案当前状态为“" + row.getStatus().label() + "”，不能登记纸质材料");
        }
        registry.markPaperReceived(filingId, staffId, LocalDateTime.now(clock));
    }

    @Override
    @Transactional
    @RetryTransientFailures
    public EnforcementRecord recordEnforcement(long filingId, EnforcementAction action, LocalDate actedOn, String note,
            long staffId) {
        if (filings.selectById(filingId) == null) {
            throw FilingErrors.notFound();
        }
        var insert = new RegistryMapper.EnforcementInsert();
        insert.filingId = filingId;
        insert.action = action;
        insert.actedOn = actedOn;
        insert.note = note == null || note.isBlank() ? null : note.strip();
        insert.staffId = staffId;
        insert.createdAt = LocalDateTime.now(clock);
        registry.insertEnforcement(insert);
        return new EnforcementRecord(insert.id, filingId, action, action.label(), actedOn, insert.note, staffId,
                Times.display(insert.createdAt));
    }

    @Override
    public List<EnforcementRecord> enforcementOf(long filingId) {
        if (filings.selectById(filingId) == null) {
            // filing_enforcement has no county of its own: the filing (narrowed to the caller's county) decides
            throw FilingErrors.notFound();
        }
        return registry.enforcementOf(filingId).stream()
                .map(r -> new EnforcementRecord(r.id(), r.filingId(), r.action(), r.action().label(), r.actedOn(), r.note(),
                        r.staffId(), Times.display(r.createdAt())))
                .toList();
    }

    private static RegistryEntry entry(FilingRow row, LocalDate today) {
        return new RegistryEntry(row.getId(), row.getAccountName(), row.getAccountWechatId(), row.getAccountOriginalId(),
                row.getFormType(), row.getSubjectName(), row.getTownship(), row.getStatus(), row.getStatus().label(),
                row.getFilingNumber(), row.getDueOn(), DeadlineCalculator.isOverdue(row.getStatus(), row.getDueOn(), today),
                row.getOperatorId(), Times.display(row.getSubmittedAt()), Times.display(row.getCreatedAt()),
                row.getPaperReceivedAt() != null, Boolean.TRUE.equals(row.getMaterialMismatch()));
    }

    private static Map<String, Long> toMap(List<RegistryMapper.Count> counts) {
        Map<String, Long> map = new LinkedHashMap<>();
        counts.stream().sorted((a, b) -> Long.compare(b.count(), a.count())).forEach(c -> map.put(c.name(), c.count()));
        return map;
    }
}
