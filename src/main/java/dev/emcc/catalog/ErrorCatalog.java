package dev.emcc.catalog;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The error-code catalog: every row of the seed's EMApp and EMService error tables, bilingual,
 * loaded from {@code errors.json} beside this class.
 */
public final class ErrorCatalog {
  private static volatile ErrorCatalog standard;
  private final List<ErrorEntry> entries;

  private ErrorCatalog(List<ErrorEntry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** The catalog shipped with the console (loaded once). */
  public static ErrorCatalog standard() {
    ErrorCatalog c = standard;
    if (c == null) {
      try (InputStream in = ErrorCatalog.class.getResourceAsStream("errors.json")) {
        if (in == null) {
          throw new IllegalStateException("errors.json is missing from the build");
        }
        c = new ErrorCatalog(new ObjectMapper().readValue(in, new TypeReference<List<ErrorEntry>>() {}));
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
}
