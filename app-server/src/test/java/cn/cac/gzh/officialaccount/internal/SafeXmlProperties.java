package cn.cac.gzh.officialaccount.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The callback parser under random and hostile input (property-based, jqwik): it returns fields or throws
 * {@link SafeXml.Malformed} (the portal's 400), nothing else; a DOCTYPE or entity is always refused; well-formed
 * callbacks round-trip. Rerun with more tries: {@code -Djqwik.tries.default=10000}.
 */
class SafeXmlProperties {

    @Property
    void arbitraryTextGivesFieldsOrMalformed(@ForAll("junk") String body) {
        Throwable thrown = catchThrowable(() -> SafeXml.fields(body));
        assertThat(thrown).satisfiesAnyOf(t -> assertThat(t).isNull(), t -> assertThat(t).isExactlyInstanceOf(SafeXml.Malformed.class));
    }

    @Property
    void wellFormedCallbacksRoundTrip(@ForAll("callbacks") Map<String, String> fields, @ForAll boolean cdata) {
        Map<String, String> parsed = SafeXml.fields(xml(fields, cdata));
        assertThat(parsed).isEqualTo(fields);
    }

    @Property
    void everyTruncationOfACallbackIsMalformed(@ForAll("callbacks") Map<String, String> fields, @ForAll boolean cdata,
            @ForAll @IntRange(min = 0, max = 100) int percent) {
        String whole = xml(fields, cdata);
        String truncated = whole.substring(0, (whole.length() - 1) * percent / 100);
        assertThatThrownBy(() -> SafeXml.fields(truncated)).isExactlyInstanceOf(SafeXml.Malformed.class);
    }

    @Property
    void doctypesAndEntitiesAreAlwaysRefused(@ForAll("hostile") String body) {
        assertThatThrownBy(() -> SafeXml.fields(body)).isExactlyInstanceOf(SafeXml.Malformed.class);
    }

    @Property(tries = 100)
    void hugeFieldsAreParsedWhole(@ForAll @IntRange(min = 1, max = 60_000) int length, @ForAll("fieldText") String unit) {
        String text = unit.isEmpty() ? "x".repeat(length) : unit.repeat(Math.max(1, length / unit.length()));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Content", text);
        assertThat(SafeXml.fields(xml(fields, false))).containsEntry("Content", text);
    }

    /** Bytes in another encoding, read as UTF-8 as the portal does: replacement characters, never an exception. */
    @Property
    void wrongEncodingsGiveFieldsOrMalformed(@ForAll("callbacks") Map<String, String> fields,
            @ForAll("charsets") Charset charset, @ForAll("declarations") String declaration) {
        byte[] bytes = (declaration + xml(fields, true)).getBytes(charset);
        String asReceived = new String(bytes, StandardCharsets.UTF_8);
        Throwable thrown = catchThrowable(() -> SafeXml.fields(asReceived));
        assertThat(thrown).satisfiesAnyOf(t -> assertThat(t).isNull(), t -> assertThat(t).isExactlyInstanceOf(SafeXml.Malformed.class));
    }

    static String xml(Map<String, String> fields, boolean cdata) {
        StringBuilder xml = new StringBuilder("<xml>");
        fields.forEach((name, value) -> xml.append('<').append(name).append('>')
                .append(cdata ? "<![CDATA[" + value.replace("]]>", "]]]]><![CDATA[>") + "]]>" : escape(value))
                .append("</").append(name).append('>'));
        return xml.append("</xml>").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;");
    }

    @Provide
    Arbitrary<Map<String, String>> callbacks() {
        Arbitrary<String> names = Arbitraries.oneOf(
                Arbitraries.of("ToUserName", "FromUserName", "CreateTime", "MsgType", "Content", "MsgId", "Event", "EventKey",
                        "Encrypt"),
                Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(12));
        return Arbitraries.maps(names, fieldText()).ofMaxSize(8).map(LinkedHashMap::new);
    }

    /** Text that XML 1.0 can carry (no control characters but tab/newline, no lone surrogates). */
    @Provide
    Arbitrary<String> fieldText() {
        return Arbitraries.strings()
                .withCharRange(' ', '\uD7FF').withChars('\t', '\n').withCharRange('\uE000', '\uFFFD')
                .ofMaxLength(40);
    }

    @Provide
    Arbitrary<String> junk() {
        Arbitrary<String> fragments = Arbitraries.of("<xml>", "</xml>", "<a>", "</a>", "<![CDATA[", "]]>", "&amp;", "&lt;", "&x;",
                "&#0;", "&#x1F600;", "<!--", "-->", "<?xml version=\"1.0\"?>", "<?pi x?>", "<!DOCTYPE x>", "<", ">", "&", "\"",
                "'", "=", " ", "\u0000", "\uD800", "\uFFFE", "ToUserName", "<b/>", "<a x='1'>", "<a x=1>", "xmlns:p=\"u\"", "<p:a>");
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(200),
                fragments.list().ofMaxSize(30).map(parts -> String.join("", parts)),
                Combinators.combine(callbacks(), Arbitraries.integers().between(0, 50), Arbitraries.strings().all().ofMaxLength(5))
                        .as((fields, at, noise) -> {
                            String x = xml(fields, false);
                            int cut = Math.min(at, x.length());
                            return x.substring(0, cut) + noise + x.substring(cut);
                        }));
    }

    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> entityName = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8);
        Arbitrary<String> systemIds = Arbitraries.of("file:///etc/passwd", "http://127.0.0.1:1/x", "jar:file:///x!/", "expect://id",
                "/dev/random", "php://filter/resource=/etc/passwd");
        Arbitrary<String> xxe = Combinators.combine(entityName, systemIds, Arbitraries.of("SYSTEM", "PUBLIC \"-//x//\""))
                .as((name, uri, kind) -> "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY " + name + " " + kind + " \"" + uri + "\">]>"
                        + "<xml><Content>&" + name + ";</Content></xml>");
        Arbitrary<String> bombs = Combinators.combine(Arbitraries.integers().between(2, 12), Arbitraries.integers().between(2, 20))
                .as((levels, fanOut) -> {
                    StringBuilder dtd = new StringBuilder("<!DOCTYPE xml [<!ENTITY e0 \"lol\">");
                    for (int i = 1; i <= levels; i++) {
                        dtd.append("<!ENTITY e").append(i).append(" \"").append(("&e" + (i - 1) + ";").repeat(fanOut)).append("\">");
                    }
                    return dtd.append("]><xml><Content>&e").append(levels).append(";</Content></xml>").toString();
                });
        Arbitrary<String> parameterEntities = systemIds.map(uri -> "<!DOCTYPE xml [<!ENTITY % p SYSTEM \"" + uri + "\"> %p;]><xml/>");
        Arbitrary<String> plainDoctype = callbacks().map(fields -> "<!DOCTYPE xml>" + xml(fields, false));
        Arbitrary<String> undeclared = Combinators.combine(callbacks(), entityName.filter(n -> !List.of("amp", "lt", "gt", "quot", "apos").contains(n)))
                .as((fields, name) -> "<xml><Content>a&" + name + ";b</Content>" + xml(fields, false).substring(5));
        return Arbitraries.oneOf(xxe, bombs, parameterEntities, plainDoctype, undeclared);
    }

    @Provide
    Arbitrary<Charset> charsets() {
        return Arbitraries.of(Charset.forName("GBK"), Charset.forName("GB18030"), StandardCharsets.UTF_16, StandardCharsets.UTF_16LE,
                StandardCharsets.ISO_8859_1, Charset.forName("Big5"), StandardCharsets.UTF_8);
    }

    @Provide
    Arbitrary<String> declarations() {
        return Arbitraries.of("", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<?xml version=\"1.0\" encoding=\"GBK\"?>",
                "<?xml version=\"1.0\" encoding=\"UTF-16\"?>", "<?xml version=\"1.0\" encoding=\"nonsense\"?>", "\uFEFF");
    }
}
