package md.nrs.referral.forms;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Choices a form takes from the platform rather than from its file: a select or checklist that names a list by
 * {@code valuesKey} gets that list's options as it stands when the form is opened. Tasklist passes no variables
 * to a start form, so the options are written into the form it is served (start and task forms alike).
 */
public interface DynamicChoices {

  /** Writes the options of every list this knows into the components naming it (nested ones too). */
  void fill(JsonNode form);
}
