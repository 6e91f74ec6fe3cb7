package dev.emcc.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.emcc.format.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The error-code catalog: every row of the seed's EMApp and EMService error tables, bilingual,
 * loaded from {@code errors.json} beside this class.
 *
 * <p>A lookup ({@link #search}) finds rows by code, by the number the seed misprints for a row
 * (36 for 28, 54 for 42), by the number the phone shows (201 finds 39 and 44) and by words of any
 * column in either language.
 */
public final class ErrorCatalog {
  private static volatile ErrorCatalog standard;
  private static final Pattern NUMBER = Pattern.compile("^[#(]?\\s*(\\d{1,9})\\s*\\)?$");
  private static final Pattern DISPLAYED_NUMBER = Pattern.compile("\\((\\d+)\\)");

  /** EMApp's table first, then EMService's, each by code: the seed's order. */
  private static final Comparator<Hit> TABLE_ORDER =
      Comparator.comparing((Hit h) -> h.entry().source()).thenComparingInt(h -> h.entry().code());

  private final List<ErrorEntry> entries;
  /** Each entry's searchable texts, normalized once (search runs as the user types). */
  private final Map<ErrorEntry, List<Field>> fields = new IdentityHashMap<>();

  private ErrorCatalog(List<ErrorEntry> entries) {
    this.entries = List.copyOf(entries);
    this.entries.forEach(e -> fields.put(e, fields(e)));
    Set<String> seen = new HashSet<>();
    for (ErrorEntry e : this.entries) {
      if (!seen.add(e.source() + ":" + e.code())) {
        throw new IllegalArgumentException("error " + e.code() + " of " + e.source().json() + " twice");
      }
    }
  }

  /** The catalog shipped with the console (loaded once). */
  public static ErrorCatalog standard() {
    ErrorCatalog c = standard;
    if (c == null) {
      try (InputStream in = ErrorCatalog.class.getResourceAsStream("errors.json")) {
        if (in == null) {
          throw new IllegalStateException("errors.json is missing from the build");
        }
        c = new ErrorCatalog(Json.mapper().readValue(in, new TypeReference<List<ErrorEntry>>() {}));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(Json.problem("errors.json", e).getMessage(), e);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      standard = c;
    }
    return c;
  }

  public List<ErrorEntry> entries() {
    return entries;
  }

  /** The entry of a code in one table. */
  public Optional<ErrorEntry> get(ErrorSource source, int code) {
    return entries.stream().filter(e -> e.source() == source && e.code() == code).findFirst();
  }

  /**
   * What the phone shows for this code, in the locale's language (Japanese for {@code ja}, English
   * otherwise): the login message, or the only message the row has.
   */
  public Optional<String> displayFor(int code, ErrorSource source, Locale locale) {
    return get(source, code).map(e -> e.phoneDisplayLines(locale).get(0));
  }

  /** What the phone shows for this code on a logout, when the row has a logout message. */
  public Optional<String> logoutDisplayFor(int code, ErrorSource source, Locale locale) {
    return get(source, code).flatMap(e -> e.phoneDisplayLines(locale).stream()
        .filter(line -> line.startsWith("Logout") || line.startsWith("ログアウト"))
        .findFirst());
  }

  /** The entries matching a query, best first (see {@link #search}). */
  public List<ErrorEntry> query(String query) {
    return search(query).stream().map(Hit::entry).toList();
  }

  /**
   * Finds entries, best first. A number (also "(28)" or "#28", full-width digits allowed) finds
   * the entry with that code, then entries the seed prints under that number, then entries whose
   * phone shows it; when nothing has that number it is searched as a word. Otherwise every word
   * of the query (case-insensitive; Japanese as a substring, spaces and "ー" ignored) must occur
   * in some column of the entry in either language; entries matching in the short description
   * rank before those matching only in the cause.
   *
   * @throws IllegalArgumentException when the query is empty
   */
  public List<Hit> search(String query) {
    String q = query == null ? "" : normalize(query).strip();
    if (q.isEmpty()) {
      throw new IllegalArgumentException("the query is empty: give a code, a number the phone shows or words");
    }
    Matcher m = NUMBER.matcher(q);
    if (m.matches()) {
      List<Hit> hits = byNumber(Integer.parseInt(m.group(1)));
      if (!hits.isEmpty()) {
        return hits;
      }
    }
    return byWords(q.split("\\s+"));
  }

  private List<Hit> byNumber(int n) {
    List<Hit> hits = new ArrayList<>();
    for (ErrorEntry e : entries) {
      Match match = null;
      if (e.code() == n) {
        match = Match.CODE;
      } else if (e.printedCode() == n) {
        match = Match.PRINTED_CODE;
      } else if (e.shownAs() == n) {
        match = Match.SHOWN_NUMBER;
      } else if (displayedNumbers(e).contains(n)) {
        match = Match.DISPLAYED_NUMBER;
      }
      if (match != null) {
        hits.add(new Hit(e, match, 0));
      }
    }
    hits.sort(Comparator.comparing(Hit::match).thenComparing(TABLE_ORDER));
    return hits;
  }

  private static Set<Integer> displayedNumbers(ErrorEntry e) {
    Set<Integer> numbers = new HashSet<>();
    for (String text : List.of(e.phoneDisplay(), e.phoneDisplayJa())) {
      Matcher m = DISPLAYED_NUMBER.matcher(text);
      while (m.find()) {
        numbers.add(Integer.parseInt(m.group(1)));
      }
    }
    return numbers;
  }

  private List<Hit> byWords(String[] words) {
    List<Hit> hits = new ArrayList<>();
    for (ErrorEntry e : entries) {
      int score = 0;
      for (String word : words) {
        int best = 0;
        String squeezed = squeeze(word);
        for (Field f : fields.get(e)) {
          if (f.text().contains(word) || (!squeezed.isEmpty() && f.squeezed().contains(squeezed))) {
            best = Math.max(best, f.weight());
          }
        }
        if (best == 0) {
          score = 0;
          break;
        }
        score += best;
      }
      if (score > 0) {
        hits.add(new Hit(e, Match.WORDS, score));
      }
    }
    hits.sort(Comparator.comparingInt(Hit::score).reversed().thenComparing(TABLE_ORDER));
    return hits;
  }

  private static List<Field> fields(ErrorEntry e) {
    List<Field> fields = new ArrayList<>();
    fields.add(Field.of(String.valueOf(e.code()), 5));
    fields.add(Field.of(e.shortDescription(), 4));
    fields.add(Field.of(e.shortDescriptionJa(), 4));
    fields.add(Field.of(e.phoneDisplay(), 3));
    fields.add(Field.of(e.phoneDisplayJa(), 3));
    fields.add(Field.of(e.cause(), 2));
    fields.add(Field.of(e.causeJa(), 2));
    fields.add(Field.of(e.source().json() + " " + (switch (e.source()) {
      case EM_APP -> "EMApp";
      case EM_SERVICE -> "EMService";
      case EM_API -> "EMService EM API";
    }), 1));
    if (e.note() != null) {
      fields.add(Field.of(e.note(), 1));
      fields.add(Field.of(e.noteJa(), 1));
    }
    return fields;
  }

  /** Full-width to half-width, compatibility forms folded, lower case. */
  static String normalize(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
  }

  /** Without spaces and the long-vowel mark, so "ユーザー ID" finds "ユーザID" and "ユーザ ID". */
  private static String squeeze(String normalized) {
    return normalized.replaceAll("[\\s\\u30FC]", "");
  }

  private record Field(String text, String squeezed, int weight) {
    static Field of(String raw, int weight) {
      String n = normalize(raw);
      return new Field(n, squeeze(n), weight);
    }
  }

  /** How an entry matched a query: the order is the ranking for numbers. */
  public enum Match {
    /** The query is the entry's code. */
    CODE,
    /** The seed prints the entry under the queried number (a misprint). */
    PRINTED_CODE,
    /** The phone shows the queried number for this entry. */
    SHOWN_NUMBER,
    /** The queried number appears in the entry's display column. */
    DISPLAYED_NUMBER,
    /** Every word of the query occurs in the entry's texts. */
    WORDS
  }

  /** One result of a search; {@code score} ranks word matches (0 for number matches). */
  public record Hit(ErrorEntry entry, Match match, int score) {}
}
