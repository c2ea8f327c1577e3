package cn.cac.gzh.audit;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** Reading the audit trail (administrators only). */
public interface AuditLog {

    /**
     * Newest first. Every filter is optional; {@code from}/{@code to} are Beijing calendar days, inclusive. While a
     * caller bound to a county runs ({@code common.CallerScope}), only that county's entries.
     */
    Page search(String actorType, Long actorId, String action, String targetType, String targetId, LocalDate from,
            LocalDate to, int page, int size);

    record Page(List<AuditRecord> items, long total, int page, int size) {
    }

    /**
     * Walks the whole hash chain in id order, in batches, recomputing every entry's hash; every county's entries,
     * whoever asks (the entry's county is not part of its hash).
     *
     * @return how many entries there are, whether the chain is unbroken, and the id of the first entry whose
     *         {@code prev_hash} or {@code entry_hash} does not match (or of the missing last entry)
     */
    ChainCheck verifyChain();

    @Schema(description = "审计链校验结果")
    record ChainCheck(@Schema(description = "审计记录总数") long entries,
            @Schema(description = "审计链是否完整（没有记录被修改、删除或插入）") boolean valid,
            @Schema(description = "第一条校验不通过的记录编号；完整时为空") Long firstBrokenId) {
    }
}
