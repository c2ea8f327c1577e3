package cn.cac.bench;

import javax.sql.DataSource;

import cn.cac.gzh.common.pii.PersonalDataCipher;

import org.springframework.context.ApplicationContext;

/** The benchmarks' registry: {@link FilingGenerator} for benchmarks outside this package. */
public final class BenchFilings {

    private BenchFilings() {
    }

    /** Fills the context's database up to {@code rows} filings (deterministic; existing rows are kept). */
    public static void generate(ApplicationContext context, long rows) {
        new FilingGenerator(context.getBean(DataSource.class), context.getBean(PersonalDataCipher.class)).generate(rows);
    }
}
