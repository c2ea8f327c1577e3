package cn.cac.gzh.common;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.PastOrPresent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimeConfigurationTest {

    record Dated(@PastOrPresent LocalDate on) {
    }

    @Test
    void todayForValidationIsTheBeijingDateEvenWhileTheUtcDateIsStillYesterday() {
        // 02:00 on 29 November in Beijing, 18:00 on 28 November in UTC
        Clock clock = Clock.fixed(Instant.parse("2026-11-28T18:00:00Z"), ZoneOffset.UTC);
        var configuration = Validation.byDefaultProvider().configure();
        new TimeConfiguration().validationClock(clock).customize(configuration);
        try (var factory = configuration.buildValidatorFactory()) {
            Validator validator = factory.getValidator();

            assertThat(validator.validate(new Dated(LocalDate.parse("2026-11-29")))).isEmpty();
            assertThat(validator.validate(new Dated(LocalDate.parse("2026-11-30")))).hasSize(1);
        }
    }
}
