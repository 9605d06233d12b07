package io.github.cloudfrontmavenplugin.aws;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * An element of one of CloudFront's or S3's XML answers, read whole: they are a few kilobytes, or a page of
 * distributions or of 1,000 keys. Names are local names; each service puts every element in its one namespace.
 */
public final class XmlElement {
    private final String name;
    private final List<XmlElement> children = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();

    private XmlElement(String name) {
        this.name = name;
    }

    /** @throws XMLStreamException when {@code xml} is not well-formed, or has a DTD */
    public static XmlElement parse(byte[] xml) throws XMLStreamException {
        XMLStreamReader reader = reader(xml);
        try {
            Deque<XmlElement> open = new ArrayDeque<>();
            XmlElement root = null;
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        XmlElement element = new XmlElement(reader.getLocalName());
                        if (open.isEmpty()) {
                            root = element;
                        } else {
                            open.peek().children.add(element);
                        }
                        open.push(element);
                    }
                    case XMLStreamConstants.END_ELEMENT -> open.pop();
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                        if (!open.isEmpty()) {
                            open.peek().text.append(reader.getText());
                        }
                    }
                    case XMLStreamConstants.DTD -> throw new XMLStreamException("a DTD in an answer from CloudFront");
                    default -> {
                        // Comments, processing instructions and whitespace outside the root carry nothing.
                    }
                }
            }
            if (root == null) {
                throw new XMLStreamException("no element");
            }
            return root;
        } finally {
            reader.close();
        }
    }

    public String name() {
        return name;
    }

    public String text() {
        return text.toString();
    }

    public Optional<XmlElement> child(String childName) {
        for (XmlElement child : children) {
            if (child.name.equals(childName)) {
                return Optional.of(child);
            }
        }
        return Optional.empty();
    }

    public List<XmlElement> children(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).toList();
    }

    /** The text of the first child named so, if there is one. */
    public Optional<String> childText(String childName) {
        return child(childName).map(XmlElement::text);
    }

    /** The first child named so, found by following {@code names} down from this element. */
    public Optional<XmlElement> find(String... names) {
        Optional<XmlElement> at = Optional.of(this);
        for (String childName : names) {
            at = at.flatMap(e -> e.child(childName));
        }
        return at;
    }

    /**
     * A reader of {@code xml} for an answer too long to read whole (a page of 1,000 keys), with the same protections
     * as {@link #parse}: no DTD, no external entities.
     */
    public static XMLStreamReader reader(byte[] xml) throws XMLStreamException {
        return STREAMING.get().createXMLStreamReader(new ByteArrayInputStream(xml));
    }

    /** One factory a thread, for the pages of a listing: making one for each costs more than reading a page. */
    private static final ThreadLocal<XMLInputFactory> STREAMING = ThreadLocal.withInitial(() -> {
        XMLInputFactory factory = newFactory();
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        return factory;
    });

    /**
     * The JDK's own parser, found without a service-loader scan of the plugin's class realm; one per answer, since a
     * factory is not promised to be thread-safe and several distributions' answers may be read at once.
     */
    private static XMLInputFactory newFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }
}
