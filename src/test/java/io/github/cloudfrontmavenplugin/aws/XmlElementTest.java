package io.github.cloudfrontmavenplugin.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLStreamException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An answer is only ever read as data: a DTD, which could make the parser read files or expand entities, is refused. */
class XmlElementTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "<?xml version=\"1.0\"?><!DOCTYPE Invalidation [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
                        + "<Invalidation><Id>&x;</Id></Invalidation>",
                "<?xml version=\"1.0\"?><!DOCTYPE Invalidation [<!ENTITY x \"expanded\">]>"
                        + "<Invalidation><Id>&x;</Id></Invalidation>",
                "<?xml version=\"1.0\"?><!DOCTYPE Invalidation><Invalidation><Id>I1</Id></Invalidation>"
            })
    void anAnswerWithADtdIsRefused(String answer) {
        assertThrows(XMLStreamException.class, () -> XmlElement.parse(answer.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"<?xml version=\"1.0\"?><!-- only a comment -->", "", "<Invalidation><Id>I1</Id>"})
    void anAnswerWithoutOneWholeElementIsRefused(String answer) {
        assertThrows(XMLStreamException.class, () -> XmlElement.parse(answer.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<Invalidation><Id>I1</Id></Invalidation>",
                "<?xml version=\"1.0\"?>\n<!-- a note -->\n<Invalidation>\n  <Id>I<![CDATA[1]]></Id>\n</Invalidation>\n"
            })
    void aPlainAnswerIsReadWhole(String answer) throws XMLStreamException {
        XmlElement root = XmlElement.parse(answer.getBytes(StandardCharsets.UTF_8));

        assertEquals("Invalidation", root.name());
        assertEquals("I1", root.childText("Id").orElseThrow());
    }
}
