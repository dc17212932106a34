package md.nrs.referral.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The NRS agencies and territorial teams, each a Camunda group of the same id so that candidate
 * groups, authorizations and (later) the agency directory never disagree. Configured in application.yml.
 */
@Validated
@ConfigurationProperties("nrs.directory")
public record DirectoryProperties(@Valid List<Unit> agencies, @Valid List<Unit> teams) {

  public DirectoryProperties {
    agencies = agencies == null ? List.of() : agencies;
    teams = teams == null ? List.of() : teams;
  }

  public record Unit(
      @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,63}", message = "lower-case letters, digits and dashes") String id,
      @NotBlank String name) {
  }
}
