package dev.emcc.format;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.emcc.model.FieldException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one strict Jackson configuration of the project: unknown keys, wrong types, coercions,
 * nulls for primitives, duplicate keys and trailing tokens are all errors, reported as
 * {@link DocumentException} with JSON path, line and column.
 */
public final class Json {
  private static final ObjectMapper MAPPER = build(true);
  private static final ObjectMapper OWN_OUTPUT = build(false);

  private Json() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * The same strict configuration without duplicate-key detection, for JSON this program wrote
   * itself with {@link #mapper()} (the store's rows), which cannot repeat a key. Detection keeps a
   * set of names per object: about a third of what reading such a row allocates.
   */
  public static ObjectMapper ownOutputMapper() {
    return OWN_OUTPUT;
  }

  private static ObjectMapper build(boolean detectDuplicateKeys) {
    JsonFactory factory = JsonFactory.builder()
        .configure(StreamReadFeature.STRICT_DUPLICATE_DETECTION, detectDuplicateKeys)
        .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
        .build();
    JsonMapper mapper = JsonMapper.builder(factory)
        .addModule(new JavaTimeModule())
        .addModule(StrictPrimitives.module())
        .addModule(SharedStrings.module())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .serializationInclusion(JsonInclude.Include.ALWAYS)
        // Only record components are the document: derived is-methods (PhoneService.isExtensionMobility,
        // SipTrunk.isEmcc) must not be written, or the strict reader refuses its own output.
        .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
        // [..., null] is an error at the element's own path, not a record-level failure.
        .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))
        .build();
    // No silent coercion: "5" is not 5, 5 is not "5", "" is not null.
    mapper.coercionConfigDefaults()
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    mapper.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
    mapper.coercionConfigFor(LogicalType.Enum)
        .setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
    mapper.coercionConfigFor(LogicalType.DateTime)
        .setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
    mapper.coercionConfigFor(LogicalType.Integer)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert);
    mapper.coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.TryConvert);
    return mapper;
  }

  /** Turns a Jackson failure into one short line with path, line and column. */
  public static DocumentException problem(String source, JsonProcessingException e) {
    return problem(source, null, e);
  }

  /**
   * Turns a Jackson failure into one short line with path, line and column. With the document's
   * bytes, a failure Jackson reports without a position, or at the end of an object (a refused
   * field of a record), is placed at the value its path names.
   */
  public static DocumentException problem(String source, byte[] json, JsonProcessingException e) {
    JsonLocation loc = e.getLocation();
    int line = loc == null ? 0 : Math.max(loc.getLineNr(), 0);
    int column = loc == null ? 0 : Math.max(loc.getColumnNr(), 0);
    String path = e instanceof JsonMappingException jm ? path(jm) : "$";
    if (e instanceof StreamReadException && !(e instanceof JsonMappingException)) {
      path = parserPath(e);
    }
    String duplicate = duplicateKey(e);
    if (duplicate != null) {
      path = path + "." + duplicate;
    }
    String field = fieldAtFault(e);
    if (field != null) {
      path = path + "." + field;
    }
    // Mapping errors (and a key refused by a creator) point at the key or element the path names:
    // Jackson reports some of them only at the end of the enclosing object. A duplicate key is
    // the path's second occurrence.
    boolean syntax = e instanceof StreamReadException || e.getCause() instanceof StreamReadException;
    boolean mapping = e instanceof JsonMappingException && !syntax;
    if (json != null && (line == 0 || mapping || duplicate != null)) {
      int[] at = locate(json, path, duplicate != null ? 2 : 1);
      if (at != null) {
        line = at[0];
        column = at[1];
      }
    }
    return new DocumentException(source, path, line, column, describe(e));
  }

  static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder("$");
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        sb.append('.').append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  /** The path where a syntax error (or duplicate key) happened, from the parser's context. */
  private static String parserPath(JsonProcessingException e) {
    if (!(e.getProcessor() instanceof JsonParser p)) {
      return "$";
    }
    Deque<String> parts = new ArrayDeque<>();
    for (JsonStreamContext c = p.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        parts.push("[" + Math.max(c.getCurrentIndex(), 0) + "]");
      } else if (c.getCurrentName() != null) {
        parts.push("." + c.getCurrentName());
      }
    }
    return "$" + String.join("", parts);
  }

  private static final Pattern DUPLICATE = Pattern.compile("^Duplicate field '(.*?)'");

  private static String duplicateKey(JsonProcessingException e) {
    Matcher m = DUPLICATE.matcher(e.getOriginalMessage() == null ? "" : e.getOriginalMessage());
    return m.find() ? m.group(1) : null;
  }

  /** The key a record's creator refused ({@link FieldException}), if that is the failure. */
  private static String fieldAtFault(JsonProcessingException e) {
    if (e instanceof ValueInstantiationException v && v.getCause() instanceof FieldException f) {
      return f.field();
    }
    return null;
  }

  /**
   * Line and column of the key (or array element) at a path such as
   * {@code $.clusters[0].phones[2].model}, its n-th occurrence (a duplicated key has two), found by
   * reading the document again up to it; null when the path is not in the document.
   */
  static int[] locate(byte[] json, String path, int occurrence) {
    String pointer = pointer(path);
    boolean key = !path.endsWith("]");
    int seen = 0;
    try (JsonParser p = JsonFactory.builder().build().createParser(json)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        // A key's pointer is also its value's: count the key tokens only.
        if ((!key || t == JsonToken.FIELD_NAME)
            && p.getParsingContext().pathAsPointer().toString().equals(pointer) && ++seen == occurrence) {
          JsonLocation at = p.currentTokenLocation();
          return new int[] {at.getLineNr(), at.getColumnNr()};
        }
      }
    } catch (IOException ignored) {
      // the document breaks before the path: no better position than the one we have
    }
    return null;
  }

  /** {@code $.a[0].b} as the JSON pointer {@code /a/0/b}. */
  private static String pointer(String path) {
    StringBuilder sb = new StringBuilder();
    for (String part : path.replaceFirst("^\\$", "").split("(?=[.\\[])")) {
      if (part.isEmpty()) {
        continue;
      }
      String name = part.startsWith("[") ? part.substring(1, part.length() - 1) : part.substring(1);
      sb.append('/').append(name.replace("~", "~0").replace("/", "~1"));
    }
    return sb.toString();
  }

  private static Text describe(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException u) {
      return Text.of("problem.unknownKey", u.getPropertyName());
    }
    if (e instanceof InvalidNullException n) {
      return n.getPropertyName() == null || n.getPath().isEmpty()
          || n.getPath().get(n.getPath().size() - 1).getIndex() >= 0
          ? Text.of("problem.nullInList")
          : Text.of("problem.wrongType", typeName(n.getTargetType()), Text.of("kind.null"));
    }
    if (e instanceof InvalidFormatException f && f.getTargetType() != null) {
      // A string that names no enum value or date is a bad value; 5 for a string is a wrong type.
      Class<?> t = f.getTargetType();
      if (f.getValue() instanceof String && (t.isEnum() || t == Instant.class)) {
        return Text.of("problem.badValue", quote(f.getValue()), typeName(t));
      }
      return Text.of("problem.wrongType", typeName(t), kindOf(f.getValue()));
    }
    if (e instanceof ValueInstantiationException v && v.getCause() != null) {
      if (v.getCause() instanceof FieldException f && f.key() != null) {
        return Text.of("model." + f.key());
      }
      // our records refuse values with an IllegalArgumentException of their own words; any other
      // cause (a JDK parser's) is named by what it means, not by its class or text
      String why = v.getCause().getMessage();
      return why != null && v.getCause().getClass() == IllegalArgumentException.class ? Text.plain(why)
          : Text.of("problem.cannotBuild");
    }
    if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      Text got = got(m.getOriginalMessage());
      return got == null ? Text.of("problem.wrongTypeOnly", typeName(m.getTargetType()))
          : Text.of("problem.wrongType", typeName(m.getTargetType()), got);
    }
    if (e instanceof JsonMappingException && e.getCause() instanceof StrictPrimitives.NullValueException n) {
      return Text.of("problem.wrongType", Text.of(n.expectedKey()), Text.of("kind.null"));
    }
    return syntax(e.getOriginalMessage());
  }

  private static final Pattern GOT_KIND = Pattern.compile("(?:from|coerce) (?:an? )?([A-Za-z-]+) value");

  /**
   * What the document held instead ("a string"), read from Jackson's message (the parser is
   * closed, and its token gone, by the time the failure arrives here); null when it does not say.
   */
  private static Text got(String message) {
    Matcher m = GOT_KIND.matcher(message == null ? "" : message);
    if (!m.find()) {
      return null;
    }
    String kind = switch (m.group(1)) {
      case "String", "EmptyString" -> "kind.string";
      case "Integer", "Number" -> "kind.integer";
      case "Floating-point" -> "kind.decimal";
      case "Boolean" -> "kind.boolean";
      case "Object" -> "kind.object";
      case "Array" -> "kind.array";
      case "Null" -> "kind.null";
      default -> null;
    };
    return kind == null ? null : Text.of(kind);
  }

  /** What a value Jackson could not convert was, by its Java type. */
  private static Text kindOf(Object value) {
    if (value instanceof String) {
      return Text.of("kind.string");
    }
    if (value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger) {
      return Text.of("kind.integer");
    }
    if (value instanceof Number) {
      return Text.of("kind.decimal");
    }
    if (value instanceof Boolean) {
      return Text.of("kind.boolean");
    }
    return Text.of("kind.other");
  }

  private static final Pattern CONTROL_CODE = Pattern.compile("code (\\d+)");
  private static final Pattern UNEXPECTED_CHAR = Pattern.compile("Unexpected character \\('(.*?)' \\(code \\d+\\)\\)");
  private static final Pattern START_MARKER = Pattern.compile("line: (\\d+), column: (\\d+)\\]\\)");

  /** Jackson's parser messages, in a few words and without its source dumps. */
  private static Text syntax(String msg) {
    if (msg == null) {
      return Text.of("problem.cannotRead");
    }
    if (msg.startsWith("Unexpected end-of-input")) {
      Matcher m = START_MARKER.matcher(msg.substring(Math.max(msg.indexOf("start marker"), 0)));
      Text what = Text.of(msg.contains("Array") ? "kind.array" : msg.contains("Object") ? "kind.object" : "kind.value");
      return m.find() ? Text.of("problem.truncatedAt", what, m.group(1) + ":" + m.group(2))
          : Text.of("problem.truncated", what);
    }
    if (msg.startsWith("Duplicate field")) {
      Matcher m = DUPLICATE.matcher(msg);
      return Text.of("problem.duplicateKey", m.find() ? m.group(1) : "");
    }
    if (msg.startsWith("Trailing token")) {
      return Text.of("problem.trailing");
    }
    Matcher c = UNEXPECTED_CHAR.matcher(msg);
    String found = c.find() ? "'" + c.group(1) + "'" : null;
    if (msg.startsWith("Unrecognized token")) {
      found = msg.replaceFirst("^Unrecognized token '(.*?)'.*$(?s).*", "'$1'");
    }
    String expected;
    if (msg.contains("comma to separate Object")) {
      expected = "syntax.commaObject";
    } else if (msg.contains("comma to separate Array")) {
      expected = "syntax.commaArray";
    } else if (msg.contains("double-quote to start field name")) {
      expected = "syntax.key";
    } else if (msg.contains("colon to separate")) {
      expected = "syntax.colon";
    } else if (msg.contains("expected a valid value") || msg.startsWith("Unrecognized token")) {
      expected = "syntax.value";
    } else if (msg.startsWith("Illegal character") || msg.startsWith("Illegal unquoted character")) {
      Matcher code = CONTROL_CODE.matcher(msg);
      return Text.of("problem.controlChar", code.find() ? code.group(1) : "?");
    } else if (msg.startsWith("Unrecognized character escape") || msg.contains("escape sequence")) {
      return Text.of("problem.badEscape");
    } else if (msg.startsWith("Invalid UTF-8") || msg.contains("Invalid UTF-8")) {
      return Text.of("problem.notUtf8");
    } else if (msg.contains("nesting depth")) {
      return Text.of("problem.tooDeep");
    } else if (msg.contains("value length") && msg.contains("exceeds")) {
      return Text.of("problem.tooLong");
    } else if (msg.startsWith("Non-standard token") || msg.startsWith("Invalid numeric value")
        || msg.startsWith("Invalid number") || msg.contains("Leading zeroes")) {
      return Text.of("problem.badNumber");
    } else if (msg.contains("out of range of int")) {
      return Text.of("problem.outOfRange", Integer.MIN_VALUE, Integer.MAX_VALUE);
    } else if (msg.contains("out of range of long")) {
      return Text.of("problem.outOfRange", Long.MIN_VALUE, Long.MAX_VALUE);
    } else {
      // Unforeseen: our own words and the position; the parser's text is not passed on (it names
      // its internals, and a node would hand it to any client)
      return Text.of("problem.cannotRead");
    }
    return found != null ? Text.of("problem.syntax", Text.of(expected), found)
        : Text.of("problem.syntaxOnly", Text.of(expected));
  }

  private static String jsonName(Object enumConstant) {
    try {
      return (String) enumConstant.getClass().getMethod("json").invoke(enumConstant);
    } catch (ReflectiveOperationException ex) {
      return enumConstant.toString();
    }
  }

  private static String quote(Object value) {
    return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
  }

  private static Text typeName(Class<?> type) {
    if (type == null) {
      return Text.of("kind.value");
    }
    if (type == String.class) {
      return Text.of("kind.string");
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return Text.of("kind.integer");
    }
    if (type == double.class || type == Double.class) {
      return Text.of("kind.number");
    }
    if (type == boolean.class || type == Boolean.class) {
      return Text.of("kind.boolean");
    }
    if (type == Instant.class) {
      return Text.of("kind.instant");
    }
    if (Collection.class.isAssignableFrom(type)) {
      return Text.of("kind.array");
    }
    if (type.isEnum()) {
      StringBuilder allowed = new StringBuilder();
      Object[] constants = type.getEnumConstants();
      for (int i = 0; i < constants.length; i++) {
        allowed.append(i == 0 ? "" : ", ").append(jsonName(constants[i]));
      }
      return Text.of("kind.oneOf", allowed);
    }
    if (type.isRecord() || Map.class.isAssignableFrom(type)) {
      return Text.of("kind.object");
    }
    return Text.of("kind.named", type.getSimpleName());
  }
}
