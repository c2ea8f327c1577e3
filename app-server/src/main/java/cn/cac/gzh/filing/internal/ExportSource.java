package cn.cac.gzh.filing.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import cn.cac.gzh.common.Times;
import cn.cac.gzh.common.identifiers.Masking;
import cn.cac.gzh.common.pii.PersonalDataCipher;
import cn.cac.gzh.filing.ExportRow;
import cn.cac.gzh.filing.FilingExport;
import cn.cac.gzh.filing.FormType;
import cn.cac.gzh.filing.RegistryQuery;
import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;

import org.springframework.stereotype.Service;

/** Export rows in id order, one keyset batch at a time (no OFFSET: the last batch is as fast as the first). */
@Service
class ExportSource implements FilingExport {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final FilingMapper filings;
    private final RegistryMapper registry;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    ExportSource(FilingMapper filings, RegistryMapper registry, PersonalDataCipher cipher, Clock clock) {
        this.filings = filings;
        this.registry = registry;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    public long count(RegistryQuery filter) {
        return filings.selectCount(RegistryFilters.where(filter, Times.today(clock)));
    }

    @Override
    public void forEachBatch(RegistryQuery filter, boolean fullIdNumbers, boolean withEnforcement, int batchSize,
            Consumer<List<ExportRow>> batch) {
        LocalDate today = Times.today(clock);
        long lastId = 0;
        while (true) {
            QueryWrapper<FilingRow> where = RegistryFilters.where(filter, today).gt("id", lastId).orderByAsc("id")
                    .last("LIMIT " + batchSize);
            List<FilingRow> rows = filings.selectList(where);
            if (rows.isEmpty()) {
                return;
            }
            List<ExportRow> out = new ArrayList<>(rows.size());
            for (FilingRow row : rows) {
                out.add(row(row, fullIdNumbers, withEnforcement, today));
            }
            batch.accept(out);
            lastId = rows.get(rows.size() - 1).getId();
            if (rows.size() < batchSize) {
                return;
            }
        }
    }

    private ExportRow row(FilingRow r, boolean full, boolean withEnforcement, LocalDate today) {
        boolean unit = r.getFormType() == FormType.UNIT;
        String subjectType = unit ? (r.getUnitType() == null ? "单位" : r.getUnitType().label()) : "个人或个体经营者";
        String enforcement = withEnforcement ? registry.enforcementOf(r.getId()).stream()
                .map(e -> e.actedOn() + " " + e.action().label() + (e.note() == null ? "" : "（" + e.note() + "）"))
                .collect(Collectors.joining("；")) : null;
        return new ExportRow(r.getFilingNumber(), r.getStatus().label(), r.getAccountName(), r.getAccountWechatId(),
                r.getAccountOriginalId(), r.getAccountType() == null ? null : r.getAccountType().label(),
                text(r.getOpenedOn()), r.getContentCategory(), r.getTownship(), subjectType, r.getSubjectName(),
                r.getUnitCode(), r.getResponsibleName(), id(r.getResponsibleIdCipher(), full), phone(r.getResponsiblePhone(), full),
                r.getAdminName(), id(r.getAdminIdCipher(), full), phone(r.getAdminPhone(), full), r.getPersonName(),
                id(r.getPersonIdCipher(), full), phone(r.getPersonPhone(), full), text(r.getDueOn()),
                DeadlineCalculator.isOverdue(r.getStatus(), r.getDueOn(), today) ? "是" : "否",
                time(Times.display(r.getSubmittedAt())), time(Times.display(r.getDecidedAt())),
                r.getPaperReceivedAt() == null ? "否" : "是", enforcement);
    }

    private String id(String stored, boolean full) {
        if (stored == null) {
            return null;
        }
        String plain = cipher.decrypt(stored);
        return full ? plain : Masking.idNumber(plain);
    }

    /** Phones are masked like ID numbers unless the (audited) export asks for full numbers. */
    private static String phone(String phone, boolean full) {
        return phone == null || full ? phone : Masking.phone(phone);
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static String time(OffsetDateTime at) {
        return at == null ? null : at.format(TIME);
    }
}
