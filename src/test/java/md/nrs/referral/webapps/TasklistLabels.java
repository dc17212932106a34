package md.nrs.referral.webapps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The labels of a Tasklist locale file as served (ours for ro/ru, Camunda's for en/de). */
final class TasklistLabels {

  private TasklistLabels() {
  }

  static Map<String, String> of(String language) {
    String path = "/META-INF/resources/webjars/camunda/app/tasklist/locales/" + language + ".json";
    try (InputStream in = TasklistLabels.class.getResourceAsStream(path)) {
      JsonNode labels = new ObjectMapper()
          .readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\uFEFF", "")).get("labels");
      Map<String, String> map = new LinkedHashMap<>();
      labels.fields().forEachRemaining(field -> map.put(field.getKey(), field.getValue().asText()));
      return map;
    } catch (IOException e) {
      throw new AssertionError(path, e);
    }
  }
}
