package dev.emcc.ui.shell;

import dev.emcc.catalog.ErrorCatalog;
import dev.emcc.catalog.ErrorEntry;
import dev.emcc.model.Cluster;
import dev.emcc.model.EndUser;
import dev.emcc.model.Workspace;
import dev.emcc.schema.CollectionBinding;
import dev.emcc.schema.Window;
import dev.emcc.schema.Windows;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * What the global search (Ctrl+K) looks through: every object of every cluster of a workspace
 * (by its name and the columns of its Find list), the windows (by their English and Japanese
 * titles) and the error codes. Built once per workspace off the JavaFX thread; a query is a plain
 * scan of lower-cased texts, which stays well under a keystroke for 40,000 profiles.
 */
public final class SearchIndex {
  /** Results shown at most; the list says when there were more. */
  public static final int LIMIT = 200;

  /** What a result opens. */
  public enum Kind { OBJECT, WINDOW, ERROR }

  /**
   * One result: a label, a detail line, and where it leads: the window, the object's name (null for
   * a window) and the object's cluster (null when the cluster does not matter).
   */
  public record Entry(Kind kind, String label, String detail, String window, String object, String clusterId,
      String haystack) {}

  private final List<Entry> entries;

  private SearchIndex(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /**
   * Indexes a workspace; {@code windowTitle} gives a window's title in a language (the window id
   * and a locale), so windows are found in both.
   */
  public static SearchIndex build(Workspace ws, List<String> windows, WindowTitles titles) {
    List<Entry> out = new ArrayList<>();
    for (String w : windows) {
      String en = titles.title(w, Locale.ENGLISH);
      String ja = titles.title(w, Locale.JAPANESE);
      out.add(new Entry(Kind.WINDOW, en, ja, w, null, null, lower(en + " " + ja + " " + w)));
    }
    for (Cluster c : ws.clusters()) {
      for (Window w : Windows.collections()) {
        add(out, c, w.id(), w.collection().orElseThrow());
      }
    }
    return new SearchIndex(out);
  }

  private static <T> void add(List<Entry> out, Cluster c, String window, CollectionBinding<T> b) {
    for (T item : b.get().apply(c)) {
      String name = b.name().apply(item);
      if (name == null) {
        continue;
      }
      StringBuilder detail = new StringBuilder();
      for (CollectionBinding.Column<T> col : b.columns()) {
        String v = col.text().apply(item);
        if (v != null && !v.isBlank() && !"✔".equals(v)) {
          detail.append(detail.length() == 0 ? "" : " · ").append(v);
        }
      }
      if (item instanceof EndUser u) {
        // users are looked for by name and extension as often as by user id
        detail.setLength(0);
        join(detail, u.firstName());
        join(detail, u.lastName());
        join(detail, u.primaryExtension());
      }
      out.add(new Entry(Kind.OBJECT, name, detail.toString(), window, name, c.clusterId(),
          lower(name + " " + detail + " " + c.clusterId())));
    }
  }

  private static void join(StringBuilder sb, String s) {
    if (s != null && !s.isBlank()) {
      sb.append(sb.length() == 0 ? "" : " ").append(s);
    }
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /** A window's title in a language. */
  @FunctionalInterface
  public interface WindowTitles {
    String title(String window, Locale locale);
  }

  /**
   * The entries matching every word of the query, best first (windows, exact titles first; then exact
   * names, names starting with the query, the rest in index order), at most {@link #LIMIT}; error codes from the catalog
   * follow in the language given. Empty for a blank query.
   */
  public Result search(String query, Locale locale) {
    String q = query == null ? "" : query.strip();
    if (q.isEmpty()) {
      return new Result(List.of(), false);
    }
    String[] words = lower(q).split("\\s+");
    String first = words[0];
    List<Entry> hits = new ArrayList<>();
    boolean more = false;
    for (Entry e : entries) {
      if (matches(e.haystack(), words)) {
        if (hits.size() >= LIMIT * 4) {
          more = true;
          break;
        }
        hits.add(e);
      }
    }
    String whole = lower(q);
    Function<Entry, Integer> rank = e -> {
      boolean exact = lower(e.label()).equals(whole) || e.kind() == Kind.WINDOW && lower(e.detail()).equals(whole);
      if (e.kind() == Kind.WINDOW) {
        return exact ? 0 : 1;
      }
      return exact ? 2 : lower(e.label()).startsWith(first) ? 3 : 4;
    };
    hits.sort(Comparator.comparing(rank));
    List<Entry> shown = new ArrayList<>(hits.subList(0, Math.min(hits.size(), LIMIT)));
    more |= hits.size() > LIMIT;
    if (shown.size() < LIMIT) {
      shown.addAll(errors(q, locale, LIMIT - shown.size()));
    }
    return new Result(shown, more);
  }

  private static boolean matches(String haystack, String[] words) {
    for (String w : words) {
      if (!haystack.contains(w)) {
        return false;
      }
    }
    return true;
  }

  private static List<Entry> errors(String q, Locale locale, int max) {
    List<Entry> out = new ArrayList<>();
    List<ErrorEntry> found;
    try {
      found = ErrorCatalog.standard().query(q);
    } catch (IllegalArgumentException e) {
      return out;
    }
    for (ErrorEntry e : found) {
      if (out.size() >= max) {
        break;
      }
      out.add(new Entry(Kind.ERROR, String.valueOf(e.code()), e.shortDescription(locale), "errorLookup",
          String.valueOf(e.code()), null, ""));
    }
    return out;
  }

  public int size() {
    return entries.size();
  }

  /** The shown results and whether some were left off. */
  public record Result(List<Entry> entries, boolean more) {}
}
