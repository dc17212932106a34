package md.nrs.referral.intake;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import md.nrs.referral.casepath.RegisterReferralForm;
import md.nrs.referral.errors.FieldError;
import md.nrs.referral.forms.FormValidator;
import org.springframework.stereotype.Component;

/**
 * Reads the body of {@code POST /api/referrals}: {@code sourceReference}, the case facts of the start form
 * "Register a referral" (checked by the very same contract, {@link RegisterReferralForm}, so the API and
 * Tasklist never disagree) and an optional {@code person}. Every bad field is reported at once, by name,
 * without its value.
 */
@Component
public class ReferralRequestReader {

  static final String SOURCE_REFERENCE = "sourceReference";
  static final String PERSON = "person";
  static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");

  private final ObjectMapper json = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .registerModule(new JavaTimeModule());
  private final FormValidator validator;

  public ReferralRequestReader(FormValidator validator) {
    this.validator = validator;
  }

  /** The body as JSON, or {@link Malformed} when it is not one JSON object. */
  public ObjectNode parse(byte[] body) {
    JsonNode node;
    try {
      node = json.readTree(body);
    } catch (Exception notJson) { // the parser's message may quote the body: not passed on
      throw new Malformed("The body is not valid JSON");
    }
    if (node == null || !node.isObject()) {
      throw new Malformed("The body must be one JSON object");
    }
    return (ObjectNode) node;
  }

  /** The referral, or {@link Invalid} naming every bad field. */
  public IntakeReferral read(ObjectNode body) {
    List<FieldError> errors = new ArrayList<>();
    JsonNode reference = body.get(SOURCE_REFERENCE);
    if (reference == null || reference.isNull()) {
      errors.add(new FieldError(SOURCE_REFERENCE, "is required: your own reference of this referral"));
    } else if (!reference.isTextual() || !REFERENCE.matcher(reference.asText()).matches()) {
      errors.add(new FieldError(SOURCE_REFERENCE,
          "must be 1 to 100 letters, digits and . _ : - (starting with a letter or digit)"));
    }

    Map<String, Object> facts = new LinkedHashMap<>();
    body.fields().forEachRemaining(field -> {
      if (!field.getKey().equals(SOURCE_REFERENCE) && !field.getKey().equals(PERSON)) {
        facts.put(field.getKey(), json.convertValue(field.getValue(), Object.class));
      }
    });
    errors.addAll(everyError(RegisterReferralForm.class, facts));

    JsonNode personNode = body.get(PERSON);
    Map<String, Object> person = null;
    if (personNode != null && !personNode.isNull()) {
      if (!personNode.isObject()) {
        errors.add(new FieldError(PERSON, "must be an object with the person's details"));
      } else {
        person = json.convertValue(personNode, LinkedHashMap.class);
        everyError(IntakePerson.class, person).forEach(e ->
            errors.add(new FieldError(PERSON + "." + e.field(), e.message().replace("this form", "a person"))));
      }
    }
    if (!errors.isEmpty()) {
      errors.sort(Comparator.comparing(FieldError::field));
      throw new Invalid(errors);
    }
    RegisterReferralForm form = validator.read(RegisterReferralForm.class, facts);
    // Exactly the contract's fields, as the start form submits them: nothing else reaches the case.
    @SuppressWarnings("unchecked")
    Map<String, Object> variables = json.convertValue(form, LinkedHashMap.class);
    IntakePerson details = person == null ? null : json.convertValue(person, IntakePerson.class);
    return new IntakeReferral(reference.asText(), form, variables, details);
  }

  /**
   * The form validator stops at values of the wrong type before the rules; checked again without those
   * values, the other fields' rule breaks are reported in the same answer.
   */
  private List<FieldError> everyError(Class<? extends Record> contract, Map<String, Object> values) {
    List<FieldError> errors = new ArrayList<>(validator.validate(contract, values, true));
    java.util.Set<String> wrongType = new java.util.HashSet<>();
    errors.stream().filter(e -> e.message().startsWith("is not a valid")).forEach(e -> wrongType.add(e.field()));
    if (!wrongType.isEmpty()) {
      Map<String, Object> rest = new LinkedHashMap<>(values);
      rest.keySet().removeAll(wrongType);
      validator.validate(contract, rest, true).stream()
          .filter(e -> !wrongType.contains(e.field()) && !errors.contains(e))
          .forEach(errors::add);
    }
    return errors;
  }

  /** The body is not a JSON object. */
  public static class Malformed extends RuntimeException {
    Malformed(String message) {
      super(message);
    }
  }

  /** Fields of the referral are missing or wrong. */
  public static class Invalid extends RuntimeException {
    private final transient List<FieldError> errors;

    Invalid(List<FieldError> errors) {
      super("Invalid referral");
      this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
      return errors;
    }
  }
}
