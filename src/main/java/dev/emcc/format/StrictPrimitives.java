package dev.emcc.format;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;

/**
 * Primitive fields: a missing key takes the default (false, 0) as workspace-format.md wants, but an
 * explicit {@code null} or a value of another JSON type is an error.
 */
final class StrictPrimitives {
  private StrictPrimitives() {}

  static SimpleModule module() {
    SimpleModule m = new SimpleModule("strict-primitives");
    m.addDeserializer(boolean.class, new BooleanDeser());
    m.addDeserializer(int.class, new IntDeser());
    return m;
  }

  private static final class BooleanDeser extends JsonDeserializer<Boolean> {
    @Override
    public Boolean deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonToken t = p.currentToken();
      if (t == JsonToken.VALUE_TRUE) {
        return Boolean.TRUE;
      }
      if (t == JsonToken.VALUE_FALSE) {
        return Boolean.FALSE;
      }
      return (Boolean) ctxt.handleUnexpectedToken(boolean.class, p);
    }

    @Override
    public Boolean getNullValue(DeserializationContext ctxt) {
      throw new NullValueException("kind.boolean");
    }

    @Override
    public Object getAbsentValue(DeserializationContext ctxt) {
      return Boolean.FALSE;
    }
  }

  private static final class IntDeser extends JsonDeserializer<Integer> {
    @Override
    public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
        return p.getIntValue();
      }
      return (Integer) ctxt.handleUnexpectedToken(int.class, p);
    }

    @Override
    public Integer getNullValue(DeserializationContext ctxt) {
      throw new NullValueException("kind.integer");
    }

    @Override
    public Object getAbsentValue(DeserializationContext ctxt) {
      return 0;
    }
  }

  /** Thrown for an explicit null where a value is required; reported with path and position. */
  static final class NullValueException extends RuntimeException {
    private final String expectedKey;

    /** {@code expectedKey}: the phrase key (dev/emcc/format/messages) of what was expected. */
    NullValueException(String expectedKey) {
      super("wrong type: expected " + Text.of(expectedKey).en() + ", got null");
      this.expectedKey = expectedKey;
    }

    String expectedKey() {
      return expectedKey;
    }
  }
}
