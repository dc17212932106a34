package md.nrs.referral.errors;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;

/** The dotted path of a JSON field ("person.phone", "regions[1]") from Jackson's reference chain. */
public final class JsonPaths {

  private JsonPaths() {
  }

  public static String of(List<JsonMappingException.Reference> path) {
    StringBuilder field = new StringBuilder();
    for (JsonMappingException.Reference reference : path) {
      if (reference.getFieldName() != null) {
        field.append(field.isEmpty() ? "" : ".").append(name(reference.getFieldName()));
      } else if (reference.getIndex() >= 0) {
        field.append('[').append(reference.getIndex()).append(']');
      }
    }
    return field.isEmpty() ? "body" : field.toString();
  }

  /** A key as sent is repeated only if it looks like a field name: anything else could be a value sent as a key. */
  private static String name(String key) {
    if (key.isEmpty() || key.length() > 64) {
      return "(a field)";
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (!(Character.isLetterOrDigit(c) && c < 128) && c != '_' && c != '-') {
        return "(a field)";
      }
    }
    return key;
  }
}
