package md.nrs.referral.agencies.directory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.Stream;
import md.nrs.referral.agencies.DirectoryChoice;
import md.nrs.referral.forms.DynamicChoices;
import md.nrs.referral.identity.NrsRole;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agency directory's lists for forms, ids and names only: {@value #AGENCIES} (every active agency and team, for
 * consent to share), {@value #TEAMS} (every active agency and team that can take a case over, named with its
 * district), {@value #PARTNERS_ABROAD} (every active partner abroad, named with its country, for a referral or a
 * return abroad) and {@value #MEETING_PARTIES} (the agencies and the NRS coordinators, for a coordination meeting). A component naming one by {@code valuesKey} is served with the options; an agency added or deactivated
 * in the directory appears or disappears on the next form opened, no model or form changes.
 */
@Component
public class DirectoryChoices implements DynamicChoices {

  /** Active agencies and teams a person may consent to share with. */
  public static final String AGENCIES = DirectoryChoice.AGENCIES;
  /** Active agencies and teams a case (or a service) may be transferred to. */
  public static final String TEAMS = DirectoryChoice.TEAMS;
  /** Active partners abroad (the same ones the outbound referral and the assisted return accept). */
  public static final String PARTNERS_ABROAD = DirectoryChoice.PARTNERS_ABROAD;
  /**
   * Who may take part in a coordination meeting or be given one of its action items: every active agency and team,
   * and the NRS coordinators (a group of the platform, not an agency of the directory).
   */
  public static final String MEETING_PARTIES = DirectoryChoice.MEETING_PARTIES;
  /** The lists a form may name. */
  public static final List<String> LISTS = List.of(AGENCIES, TEAMS, PARTNERS_ABROAD, MEETING_PARTIES);
  private static final Choice COORDINATORS = new Choice(NrsRole.NRS_COORDINATORS.groupId(), "NRS coordinators");

  private final AgencyRepository agencies;

  public DirectoryChoices(AgencyRepository agencies) {
    this.agencies = agencies;
  }

  /**
   * The options of a list: value = agency id, label = its directory name (with the district for teams, the country
   * for partners abroad).
   */
  @Transactional(readOnly = true)
  public List<Choice> choices(String list) {
    if (!LISTS.contains(list)) {
      throw new IllegalArgumentException("no directory list " + list);
    }
    boolean abroad = PARTNERS_ABROAD.equals(list);
    List<Choice> choices = agencies.findAll(Sort.by("id")).stream().filter(Agency::isActive)
        .filter(a -> !abroad || a.isPartnerAbroad())
        .map(a -> new Choice(a.getId(), abroad ? a.getName() + " (" + a.getCountry() + ")"
            : TEAMS.equals(list) && a.getDistrict() != null ? a.getName() + " (" + a.getDistrict() + ")" : a.getName()))
        .toList();
    return MEETING_PARTIES.equals(list)
        ? Stream.concat(choices.stream(), Stream.of(COORDINATORS)).toList() : choices;
  }

  /** One option of a form's select or checklist. */
  public record Choice(String value, String label) {
  }

  @Override
  @Transactional(readOnly = true) // partners abroad read their regions; choices() called from here is not proxied
  public void fill(JsonNode form) {
    for (JsonNode component : form.path("components")) {
      if (component instanceof ObjectNode object && LISTS.contains(object.path("valuesKey").asText())) {
        ArrayNode values = object.putArray("values");
        choices(object.get("valuesKey").asText()).forEach(c -> values.addObject().put("label", c.label())
            .put("value", c.value()));
        object.remove("valuesKey"); // form-js reads the static values first; the key is kept out to leave no doubt
      }
      fill(component);
    }
  }
}
