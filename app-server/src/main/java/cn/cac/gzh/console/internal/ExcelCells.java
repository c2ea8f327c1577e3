package cn.cac.gzh.console.internal;

/** Text that a spreadsheet would read as a formula is written as plain text (CSV/formula injection). */
final class ExcelCells {

    private ExcelCells() {
    }

    static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        boolean formulaLike = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formulaLike ? "'" + value : value;
    }
}
