package md.nrs.referral.errors;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;

/** A form submission that breaks its contract. The message names each field and never repeats a value. */
public class InvalidFormException extends ProcessEngineException {

  private final transient List<FieldError> errors;

  public InvalidFormException(String formId, List<FieldError> errors) {
    super("The form '" + formId + "' has invalid fields: "
        + errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
