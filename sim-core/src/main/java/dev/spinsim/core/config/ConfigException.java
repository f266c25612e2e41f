package dev.spinsim.core.config;

/**
 * A configuration error, as one line: {@code source: key.path: what was expected, got X}. The
 * source is the file name, or the {@code --set} override that caused it.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final String keyPath;

  /** An error at {@code keyPath} (empty for the document as a whole) of {@code source}. */
  public ConfigException(String source, String keyPath, String problem) {
    this(source, keyPath, problem, null);
  }

  public ConfigException(String source, String keyPath, String problem, Throwable cause) {
    super(format(source, keyPath, problem), cause);
    this.source = source;
    this.keyPath = keyPath;
  }

  private static String format(String source, String keyPath, String problem) {
    String line =
        (keyPath == null || keyPath.isEmpty())
            ? source + ": " + problem
            : source + ": " + keyPath + ": " + problem;
    return line.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
  }

  /** The file name, or the offending {@code --set} override. */
  public String source() {
    return source;
  }

  /**
   * The dotted key path ({@code crossbar.rows}, {@code layers[2].kernel}); empty for the whole
   * document.
   */
  public String keyPath() {
    return keyPath;
  }
}
