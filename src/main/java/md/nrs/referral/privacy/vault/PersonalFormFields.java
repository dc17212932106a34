package md.nrs.referral.privacy.vault;

import md.nrs.referral.privacy.PersonRecord;
import md.nrs.referral.privacy.RepresentativeRecord;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import md.nrs.referral.forms.PersonalData;

/** The {@link PersonalData} fields of a form contract, and the {@link PersonRecord} built from their values. */
public final class PersonalFormFields {

  /** The {@link PersonalData} names of a child's legal representative's fields (a {@link RepresentativeRecord}). */
  public static final String REPRESENTATIVE_NAME = "representativeName";
  public static final String REPRESENTATIVE_CONTACT = "representativeContact";

  private static final Map<Class<?>, Map<String, String>> CACHE = new ConcurrentHashMap<>();

  private PersonalFormFields() {
  }

  /** Form field name to PersonRecord component name; empty for a form without personal data. */
  static Map<String, String> of(Class<? extends Record> contract) {
    return CACHE.computeIfAbsent(contract, c -> {
      Map<String, String> fields = new LinkedHashMap<>();
      for (RecordComponent component : c.getRecordComponents()) {
        PersonalData personal = component.getAnnotation(PersonalData.class);
        if (personal != null) {
          fields.put(component.getName(), personal.value());
        }
      }
      return Collections.unmodifiableMap(fields);
    });
  }

  public static Set<String> names(Class<? extends Record> contract) {
    return of(contract).keySet();
  }

  /** The child's legal representative from submitted values (components "representativeName", "representativeContact"). */
  static RepresentativeRecord representative(Class<? extends Record> contract, Map<String, Object> submitted) {
    Map<String, String> values = values(contract, submitted);
    return new RepresentativeRecord(values.get(REPRESENTATIVE_NAME), values.get(REPRESENTATIVE_CONTACT));
  }

  private static Map<String, String> values(Class<? extends Record> contract, Map<String, Object> submitted) {
    Map<String, String> values = new LinkedHashMap<>();
    of(contract).forEach((field, component) -> {
      Object value = submitted.get(field);
      if (value != null && !value.toString().isBlank()) {
        values.put(component, value.toString().trim());
      }
    });
    return values;
  }

  /** The person from submitted values (already checked by the form's contract); blank values count as absent. */
  static PersonRecord person(Class<? extends Record> contract, Map<String, Object> submitted) {
    Map<String, String> values = values(contract, submitted);
    String birth = values.get("dateOfBirth");
    return new PersonRecord(values.get("givenName"), values.get("familyName"),
        birth == null ? null : LocalDate.parse(birth.length() > 10 ? birth.substring(0, 10) : birth),
        values.get("sex"), values.get("phone"), values.get("email"), values.get("address"), values.get("documentType"),
        values.get("documentNumber"), values.get("familyContact"));
  }
}
