package cn.cac.gzh.tour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** How the guided tour's markdown becomes steps: which blocks run, what they promise, what the test may change. */
class TourDocumentTest {

    private static final String MARKDOWN = """
            # Tour

            ## 0. Start

            ```sh
            mvn spring-boot:test-run
            ```

            ```text
            banner
            ```

            ## 1. Settings

            ```shell
            BASE=http://localhost:8080      # from the banner
            ADMIN_PASSWORD='paste it here'
            echo "$BASE"
            #> http://…
            ```

            ## 2. Login

            ```shell
            curl -s $BASE/login
              #> {"token":"…","consentRequired":true}
            #> done
            ```
            """;

    @Test
    void onlyShellBlocksRunAndTheirPromisesAreNotPartOfTheScript() {
        TourDocument tour = TourDocument.parse(MARKDOWN);
        assertThat(tour.steps()).extracting(TourDocument.Step::heading).containsExactly("1. Settings", "2. Login");
        assertThat(tour.steps().get(1).script()).isEqualTo("curl -s $BASE/login\n");
        assertThat(tour.steps().get(1).expected()).containsExactly("{\"token\":\"…\",\"consentRequired\":true}", "done");
    }

    @Test
    void promisedLinesMustAppearInOrderWithTheEllipsisMatchingAnything() {
        TourDocument.Step login = TourDocument.parse(MARKDOWN).steps().get(1);
        assertThat(login.firstMissing(List.of("noise", "{\"token\":\"abc\",\"consentRequired\":true}", "done"))).isNull();
        assertThat(login.firstMissing(List.of("{\"token\":\"\",\"consentRequired\":true}", "done"))).isNull();
        assertThat(login.firstMissing(List.of("{\"token\":\"abc\",\"consentRequired\":false}", "done")))
                .isEqualTo("{\"token\":\"…\",\"consentRequired\":true}");
        assertThat(login.firstMissing(List.of("done", "{\"token\":\"abc\",\"consentRequired\":true}"))).isEqualTo("done");
        assertThat(login.firstMissing(List.of())).isNotNull();
    }

    @Test
    void onlyTheBannersValuesAreReplacedAndAMissingAssignmentFails() {
        TourDocument tour = TourDocument.parse(MARKDOWN).with(Map.of("BASE", "http://127.0.0.1:5555", "ADMIN_PASSWORD", "Secret-1"));
        assertThat(tour.steps().get(0).script()).isEqualTo("""
                BASE='http://127.0.0.1:5555'      # from the banner
                ADMIN_PASSWORD='Secret-1'
                echo "$BASE"
                """);
        assertThat(tour.steps().get(1).script()).isEqualTo("curl -s $BASE/login\n");
        assertThatThrownBy(() -> TourDocument.parse(MARKDOWN).with(Map.of("SIM", "http://127.0.0.1:1")))
                .hasMessageContaining("SIM");
    }

    @Test
    void anUnclosedBlockIsAnError() {
        assertThatThrownBy(() -> TourDocument.parse("## x\n```shell\necho hi\n")).hasMessageContaining("not closed");
    }
}
