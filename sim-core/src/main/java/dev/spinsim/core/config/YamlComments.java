package dev.spinsim.core.config;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The end-of-line comments of a block-style YAML text by key path ({@code adc.bits → "ISAAC Table
 * I: 8 bits"}), and a way to put them back on another block-style YAML text of the same keys: the
 * YAML library drops comments when it reads, so a resolved configuration written back keeps where
 * its numbers came from this way. Keys inside flow mappings ({@code {a: 1}}) share the comment of
 * the line they are on; comment lines of their own are not kept (except the leading ones, see
 * {@link #header}).
 */
public final class YamlComments {
  private static final Pattern KEY_LINE = Pattern.compile("^( *)([A-Za-z0-9_.-]+):(.*)$");

  private YamlComments() {}

  /** Key path → end-of-line comment (without {@code #}), in file order; later lines win. */
  public static Map<String, String> byPath(String yaml) {
    Map<String, String> out = new LinkedHashMap<>();
    Deque<Object[]> stack = new ArrayDeque<>(); // {indent, key}
    for (String line : yaml.split("\n", -1)) {
      Matcher m = KEY_LINE.matcher(line);
      if (!m.matches()) {
        continue;
      }
      int indent = m.group(1).length();
      while (!stack.isEmpty() && (int) stack.peek()[0] >= indent) {
        stack.pop();
      }
      stack.push(new Object[] {indent, m.group(2)});
      String comment = comment(m.group(3));
      if (comment != null && !comment.isEmpty()) {
        out.put(path(stack), comment);
      }
    }
    return out;
  }

  /** The comment lines at the top of a YAML text (before its first key), without {@code #}. */
  public static List<String> header(String yaml) {
    List<String> out = new ArrayList<>();
    for (String line : yaml.split("\n", -1)) {
      String t = line.strip();
      if (t.startsWith("#")) {
        out.add(t.substring(1).strip());
      } else if (!t.isEmpty()) {
        break;
      }
    }
    return out;
  }

  /**
   * {@code yaml} with {@code comments} appended to the lines of their key paths; lines whose value
   * continues on the next line (a folded string) are left alone, so the text stays valid YAML.
   */
  public static String annotate(String yaml, Map<String, String> comments) {
    String[] lines = yaml.split("\n", -1);
    StringBuilder out = new StringBuilder();
    Deque<Object[]> stack = new ArrayDeque<>();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      Matcher m = KEY_LINE.matcher(line);
      if (m.matches()) {
        int indent = m.group(1).length();
        while (!stack.isEmpty() && (int) stack.peek()[0] >= indent) {
          stack.pop();
        }
        stack.push(new Object[] {indent, m.group(2)});
        String c = comments.get(path(stack));
        String value = m.group(3).strip();
        boolean openQuote =
            value.startsWith("\"") && (value.length() < 2 || !value.endsWith("\""))
                || value.startsWith("'") && (value.length() < 2 || !value.endsWith("'"));
        boolean continues =
            openQuote
                || line.endsWith("\\")
                || i + 1 < lines.length && lines[i + 1].stripLeading().startsWith("\\");
        if (c != null && !continues) {
          line = line + "  # " + c.replace('\n', ' ');
        }
      }
      out.append(line);
      if (i < lines.length - 1) {
        out.append('\n');
      }
    }
    return out.toString();
  }

  private static String path(Deque<Object[]> stack) {
    List<String> keys = new ArrayList<>();
    stack.descendingIterator().forEachRemaining(e -> keys.add((String) e[1]));
    return String.join(".", keys);
  }

  /** The comment of the rest of a line, outside quotes, or null. */
  private static String comment(String rest) {
    boolean single = false;
    boolean dbl = false;
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if (c == '\'' && !dbl) {
        single = !single;
      } else if (c == '"' && !single) {
        dbl = !dbl;
      } else if (c == '#'
          && !single
          && !dbl
          && (i == 0 || Character.isWhitespace(rest.charAt(i - 1)))) {
        return rest.substring(i + 1).strip();
      }
    }
    return null;
  }
}
