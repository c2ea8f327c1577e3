package cn.cac.gzh.officialaccount.internal;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Parses a callback body (a flat {@code <xml>} of fields) with StAX and every dangerous XML feature
 * off: any DOCTYPE is refused outright, so external entities and entity expansion (XXE, billion
 * laughs) never happen.
 */
final class SafeXml {

    static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message);
        }
    }

    /** Configured once; creating readers from it is thread-safe. */
    private static final XMLInputFactory FACTORY = hardenedFactory();

    private SafeXml() {
    }

    private static XMLInputFactory hardenedFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /** The root's child elements and their text. */
    static Map<String, String> fields(String xml) {
        Map<String, String> fields = new LinkedHashMap<>();
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new StringReader(xml));
            int depth = 0;
            String field = null;
            StringBuilder text = new StringBuilder();
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE -> throw new Malformed("DTD or entity");
                    case XMLStreamConstants.START_ELEMENT -> {
                        depth++;
                        if (depth == 2) {
                            field = reader.getLocalName();
                            text.setLength(0);
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                        if (depth == 2) {
                            text.append(reader.getText());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        if (depth == 2 && field != null) {
                            fields.put(field, text.toString());
                        }
                        depth--;
                    }
                    default -> {
                    }
                }
            }
            if (depth != 0) {
                throw new Malformed("unbalanced");
            }
            return fields;
        } catch (XMLStreamException | RuntimeException e) {
            throw e instanceof Malformed malformed ? malformed : new Malformed("not acceptable XML");
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release
                }
            }
        }
    }
}
