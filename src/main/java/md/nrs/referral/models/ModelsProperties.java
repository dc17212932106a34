package md.nrs.referral.models;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where the models and forms to deploy at start are found (classpath patterns, comma-separated). */
@ConfigurationProperties("nrs.models")
public record ModelsProperties(List<String> processes, List<String> forms) {

  public List<String> allPatterns() {
    return java.util.stream.Stream.concat(processes.stream(), forms.stream()).toList();
  }
}
