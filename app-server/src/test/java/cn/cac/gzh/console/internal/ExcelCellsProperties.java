package cn.cac.gzh.console.internal;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Formula injection (property-based, jqwik): every export cell goes through {@link ExcelCells#safe}; a value that a
 * spreadsheet would read as a formula or DDE command (leading =, +, -, @, tab or CR) gets a leading apostrophe, which
 * spreadsheets show as text; everything else is written unchanged.
 */
class ExcelCellsProperties {

    private static final String TRIGGERS = "=+-@\t\r";

    @Property
    void formulaLikeValuesAreWrittenAsText(@ForAll("formulaLike") String value) {
        String written = ExcelCells.safe(value);
        assertThat(written).isEqualTo("'" + value);
        assertThat(TRIGGERS.indexOf(written.charAt(0))).isNegative();
    }

    @Property
    void everyWrittenValueStartsHarmlessly(@ForAll("anyCell") String value) {
        String written = ExcelCells.safe(value);
        if (written != null && !written.isEmpty()) {
            assertThat(TRIGGERS.indexOf(written.charAt(0))).isNegative();
        }
        // neutralising is idempotent: a value that is already safe is not changed again
        assertThat(ExcelCells.safe(written)).isEqualTo(written);
    }

    @Property
    void otherValuesAreUnchanged(@ForAll("anyCell") String value) {
        if (value == null || value.isEmpty() || TRIGGERS.indexOf(value.charAt(0)) < 0) {
            assertThat(ExcelCells.safe(value)).isEqualTo(value);
        }
    }

    @Provide
    Arbitrary<String> formulaLike() {
        Arbitrary<String> payloads = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(60),
                Arbitraries.of("1+1", "SUM(A1:A9)", "HYPERLINK(\"http://evil.example\",\"click\")", "cmd|' /C calc'!A0",
                        "WEBSERVICE(\"http://x\")", "=2+5", "\t=1"));
        return Combinators.combine(Arbitraries.of('=', '+', '-', '@', '\t', '\r'), payloads).as((first, rest) -> first + rest);
    }

    @Provide
    Arbitrary<String> anyCell() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(60), formulaLike(),
                Arbitraries.strings().withChars("=+-@\t\r'a1 ").ofMaxLength(5)).injectNull(0.05);
    }
}
