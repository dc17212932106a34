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
        field.append(field.isEmpty() ? "" : ".").append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        field.append('[').append(reference.getIndex()).append(']');
      }
    }
    return field.isEmpty() ? "body" : field.toString();
  }
}
