package dev.emcc.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.emcc.format.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The seed's interactions (table 3) and restrictions (table 4) of EMCC, bilingual, loaded from
 * {@code restrictions.json} beside this class: the Japanese is the seed's, word for word, one
 * bullet per entry of {@code textJa}. Each topic names the console windows it concerns and the
 * validator rules that check it, where one can.
 */
public final class Restrictions {
  private static volatile List<Topic> standard;

  private Restrictions() {}

  /** Which of the seed's two tables a topic comes from. */
  public enum Kind {
    INTERACTION("interaction"),
    RESTRICTION("restriction");

    private final String json;

    Kind(String json) {
      this.json = json;
    }

    @JsonValue
    public String json() {
      return json;
    }
  }

  /** One row: the feature (left column) and its bullets, in both languages. */
  public record Topic(String id, Kind kind, String feature, String featureJa, List<String> text,
      List<String> textJa, List<String> windows, List<String> rules) {
    public Topic {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(kind, "kind of " + id);
      text = List.copyOf(text);
      textJa = List.copyOf(textJa);
      windows = windows == null ? List.of() : List.copyOf(windows);
      rules = rules == null ? List.of() : List.copyOf(rules);
      if (text.size() != textJa.size() || text.isEmpty()) {
        throw new IllegalArgumentException("restriction " + id + ": text and textJa need the same bullets");
      }
    }

    public String feature(Locale locale) {
      return ErrorEntry.japanese(locale) ? featureJa : feature;
    }

    public List<String> text(Locale locale) {
      return ErrorEntry.japanese(locale) ? textJa : text;
    }
  }

  /** Every topic, in the seed's order (table 3, then table 4). */
  public static List<Topic> all() {
    List<Topic> t = standard;
    if (t == null) {
      try (InputStream in = Restrictions.class.getResourceAsStream("restrictions.json")) {
        if (in == null) {
          throw new IllegalStateException("restrictions.json is missing from the build");
        }
        t = List.copyOf(Json.mapper().readValue(in, new TypeReference<List<Topic>>() {}));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(Json.problem("restrictions.json", e).getMessage(), e);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      standard = t;
    }
    return t;
  }

  public static Optional<Topic> get(String id) {
    return all().stream().filter(t -> t.id().equals(id)).findFirst();
  }

  /** The topics that concern a console window, in the seed's order. */
  public static List<Topic> concerning(String window) {
    return all().stream().filter(t -> t.windows().contains(window)).toList();
  }
}
