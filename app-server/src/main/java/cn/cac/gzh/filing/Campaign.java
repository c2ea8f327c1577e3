package cn.cac.gzh.filing;

import java.time.LocalDate;

/** A concentrated filing window (集中登记备案期), calendar days in Asia/Shanghai, both inclusive. */
public record Campaign(long id, String name, LocalDate startsOn, LocalDate endsOn) {
}
