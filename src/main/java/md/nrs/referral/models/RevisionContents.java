package md.nrs.referral.models;

import java.util.Map;
import java.util.Set;

/**
 * What a revision itself brings (its forms, processes and decisions with their outputs), seen together
 * with what is already deployed ({@link ModelEnvironment}).
 */
record RevisionContents(Map<String, FormFile> forms, Set<String> processes, Map<String, Set<String>> decisions,
    ModelEnvironment environment) {

  /** A form file of the revision: its file name, id and field keys. */
  record FormFile(String file, String id, Set<String> fields) {
  }

  boolean formKnown(String id) {
    return forms.containsKey(id) || environment.formDeployed(id);
  }

  /** The fields of a form as the revision has it, or as its contract says when it is deployed already. */
  Set<String> formFields(String id) {
    FormFile file = forms.get(id);
    if (file != null) {
      return file.fields();
    }
    return environment.formContractFields(id).orElse(Set.of());
  }
}
