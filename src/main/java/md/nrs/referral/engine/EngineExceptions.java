package md.nrs.referral.engine;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/** Exception types of the engine's internals that the platform's error answers must recognise. */
public final class EngineExceptions {

  /** A form field the engine's own validators refused (a {@code camunda:validation} constraint). */
  public static final Class<? extends RuntimeException> FORM_FIELD_INVALID = FormFieldValidationException.class;

  private EngineExceptions() {
  }
}
