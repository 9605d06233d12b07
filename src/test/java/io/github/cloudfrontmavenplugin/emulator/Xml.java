package io.github.cloudfrontmavenplugin.emulator;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Reads request bodies and writes response bodies in CloudFront's 2020-05-31 namespace. */
final class Xml {
    static final String NAMESPACE = "http://cloudfront.amazonaws.com/doc/2020-05-31/";

    private Xml() {}

    static Element parse(byte[] body) throws ApiError {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
            return document.getDocumentElement();
        } catch (Exception e) {
            throw ApiError.malformedInput(e.getMessage());
        }
    }

    static Optional<Element> child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A tiny writer: {@code new Xml.Writer("Invalidation").element("Id", id).open("Paths")...close().finish()}. */
    static final class Writer {
        private final StringBuilder out = new StringBuilder("<?xml version=\"1.0\"?>");
        private final List<String> open = new ArrayList<>();

        Writer(String root) {
            out.append('<').append(root).append(" xmlns=\"").append(NAMESPACE).append("\">");
            open.add(root);
        }

        Writer open(String name) {
            out.append('<').append(name).append('>');
            open.add(name);
            return this;
        }

        Writer close() {
            out.append("</").append(open.remove(open.size() - 1)).append('>');
            return this;
        }

        Writer element(String name, Object value) {
            out.append('<')
                    .append(name)
                    .append('>')
                    .append(escape(String.valueOf(value)))
                    .append("</")
                    .append(name)
                    .append('>');
            return this;
        }

        String finish() {
            while (!open.isEmpty()) {
                close();
            }
            return out.toString();
        }
    }
}
