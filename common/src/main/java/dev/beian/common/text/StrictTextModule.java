package dev.beian.common.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Every JSON string a request carries is checked by {@link TextRules} as it is read, in one place for all
 * request bodies: a NUL or an unpaired surrogate is an invalid field (400 naming it), not a database error.
 * Trees (JSON Merge Patch bodies) are checked too, their field names included.
 */
@Singleton
public class StrictTextModule implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("beian-strict-text");
        module.addDeserializer(String.class, new CheckedStrings());
        module.addDeserializer(JsonNode.class, new CheckedTrees());
        mapper.registerModule(module);
    }

    static final class CheckedStrings extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = super.deserialize(p, ctxt);
            String violation = TextRules.violation(value);
            if (violation != null) {
                throw InvalidFormatException.from(p, violation, value, String.class);
            }
            return value;
        }
    }

    static final class CheckedTrees extends JsonDeserializerOfTrees {
        @Override
        public JsonNode deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode tree = super.deserialize(p, ctxt);
            check(p, tree);
            return tree;
        }

        /** Throws for the first bad string, with the path to it, so the answer names the field. */
        private static void check(JsonParser p, JsonNode node) throws InvalidFormatException {
            if (node.isTextual()) {
                String violation = TextRules.violation(node.textValue());
                if (violation != null) {
                    throw InvalidFormatException.from(p, violation, node.textValue(), String.class);
                }
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    try {
                        check(p, node.get(i));
                    } catch (InvalidFormatException e) {
                        e.prependPath(new JsonMappingException.Reference(node, i));
                        throw e;
                    }
                }
            } else if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    try {
                        String violation = TextRules.violation(field.getKey());
                        if (violation != null) {
                            throw InvalidFormatException.from(p, "name " + violation, field.getKey(), String.class);
                        }
                        check(p, field.getValue());
                    } catch (InvalidFormatException e) {
                        e.prependPath(new JsonMappingException.Reference(node, field.getKey()));
                        throw e;
                    }
                }
            }
        }
    }

    /** JsonNodeDeserializer's constructor is protected; this opens it to the checked subclass. */
    static class JsonDeserializerOfTrees extends JsonNodeDeserializer {
        JsonDeserializerOfTrees() {
            super();
        }
    }
}
