package cn.cac.gzh.common;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RedactedUrlsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            jdbc:mysql://db:3306/filing?user=app&password=s3cret&ssl=true | jdbc:mysql://db:3306/filing?user=app&password=***&ssl=true
            redis://user:s3cret@cache:6379                                | redis://***@cache:6379
            jdbc:mysql://127.0.0.1:3306/filing_test                       | jdbc:mysql://127.0.0.1:3306/filing_test
            """)
    void removesCredentials(String url, String expected) {
        assertThat(RedactedUrls.redact(url)).isEqualTo(expected).doesNotContain("s3cret");
    }
}
