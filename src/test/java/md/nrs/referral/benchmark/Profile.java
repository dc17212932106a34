package md.nrs.referral.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Java Flight Recorder around a piece of work (the JDK's "profile" settings: a CPU sample every 10 ms),
 * then the samples counted two ways: by the platform's own methods on the stack (inclusive: where our
 * code spends, directly or through the engine) and by the top frame (self time, any code). The .jfr file
 * stays in target/benchmarks/ for {@code jfr print} / {@code jfr summary} or JDK Mission Control.
 */
final class Profile {

  private Profile() {
  }

  static String of(String name, Runnable work) throws Exception {
    Path file = Path.of("target", "benchmarks", name + ".jfr");
    Files.createDirectories(file.getParent());
    try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
      recording.start();
      work.run();
      recording.stop();
      recording.dump(file);
    }
    Map<String, Integer> ours = new HashMap<>();
    Map<String, Integer> top = new HashMap<>();
    Map<String, Integer> layers = new HashMap<>();
    int samples = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
        continue;
      }
      List<RecordedFrame> frames = event.getStackTrace().getFrames();
      if (frames.isEmpty()) {
        continue;
      }
      samples++;
      top.merge(method(frames.get(0)), 1, Integer::sum);
      Set<String> seen = new HashSet<>();
      Set<String> seenLayers = new HashSet<>();
      for (RecordedFrame frame : frames) {
        String method = method(frame);
        if (method.startsWith("md.nrs.") && !method.contains(".benchmark.") && !method.contains(".testing.") && seen.add(method)) {
          ours.merge(method, 1, Integer::sum);
        }
        String layer = layer(method);
        if (layer != null && seenLayers.add(layer)) {
          layers.merge(layer, 1, Integer::sum);
        }
      }
    }
    int total = samples;
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "JFR (`%s`): %,d CPU samples of the platform's cases.%n%n", file, total));
    out.append("Where the samples' stacks pass (a sample counts once per layer, so the shares overlap):\n\n");
    out.append(table(layers, total, 12));
    out.append("\nThe platform's own methods, inclusive (on the stack):\n\n");
    out.append(table(ours, total, 12));
    out.append("\nTop frames (self time):\n\n");
    out.append(table(top, total, 10));
    return out.toString();
  }

  private static String layer(String method) {
    if (method.contains("jdbc") || method.startsWith("org.h2.") || method.startsWith("org.postgresql.")
        || method.startsWith("com.zaxxer.hikari")) {
      return "JDBC and the database driver (incl. embedded H2)";
    }
    if (method.startsWith("org.apache.ibatis.")) {
      return "MyBatis (the engine's SQL mapping)";
    }
    if (method.startsWith("org.camunda.bpm.dmn.") || method.startsWith("org.camunda.feel.")) {
      return "DMN and FEEL";
    }
    if (method.startsWith("org.camunda.bpm.model.")) {
      return "BPMN model API (reading models)";
    }
    if (method.startsWith("org.hibernate.")) {
      return "Hibernate (JPA: the platform's own tables)";
    }
    if (method.startsWith("javax.crypto.") || method.startsWith("com.sun.crypto.") || method.startsWith("sun.security.")) {
      return "Cryptography";
    }
    if (method.startsWith("org.camunda.spin.") || method.startsWith("com.fasterxml.jackson.")) {
      return "JSON (Spin, Jackson)";
    }
    if (method.startsWith("org.camunda.bpm.engine.impl.el.") || method.startsWith("org.camunda.bpm.impl.juel.")) {
      return "Expressions (JUEL)";
    }
    if (method.startsWith("md.nrs.") && !method.contains(".benchmark.") && !method.contains(".testing.")) {
      return "the platform's own code (md.nrs, not the benchmark's driver)";
    }
    return null;
  }

  private static String table(Map<String, Integer> counts, int total, int limit) {
    Map<String, Integer> sorted = counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(limit).collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    StringBuilder out = new StringBuilder("| | samples | share |\n|---|---:|---:|\n");
    sorted.forEach((name, count) -> out.append("| `").append(name).append("` | ").append(count).append(" | ")
        .append(String.format(Locale.ROOT, "%.0f%%", 100.0 * count / Math.max(1, total))).append(" |\n"));
    return out.toString();
  }

  private static String method(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }
}
