package md.nrs.referral.intake;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import md.nrs.referral.casepath.RegisterReferralForm;
import md.nrs.referral.forms.OneOf;
import md.nrs.referral.forms.RequiredWhen;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of the platform's own API ({@code /api/openapi.json}, behind the same HTTP Basic
 * as the API: it is for the agencies' developers, who have platform users anyway). The referral's schema
 * is derived from the start form's contract ({@link RegisterReferralForm}) at start-up, so a field added
 * to the form appears in the API description without a second copy of the rules.
 */
@Configuration
public class IntakeOpenApi {

  static final String BASIC_AUTH = "basicAuth";
  static final String REQUEST_SCHEMA = "ReferralRequest";
  static final String REQUEST_SCHEMA_REF = "#/components/schemas/" + REQUEST_SCHEMA;

  @Bean
  OpenAPI platformOpenApi() {
    return new OpenAPI()
        .info(new Info().title("NRS Referral Platform API").version("1")
            .description("The platform's own API for the agencies of the National Referral System. HTTP Basic as a "
                + "platform user. The engine's API (/engine-rest) is Camunda's and documented by Camunda."))
        .components(new Components().addSecuritySchemes(BASIC_AUTH,
            new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")));
  }

  @Bean
  OpenApiCustomizer referralRequestSchema() {
    return api -> {
      Components components = api.getComponents() == null ? new Components() : api.getComponents();
      Map<String, Schema> person = ModelConverters.getInstance().read(IntakePerson.class);
      person.forEach(components::addSchemas);
      components.addSchemas(REQUEST_SCHEMA, requestSchema());
      api.setComponents(components);
    };
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  static Schema<?> requestSchema() {
    Schema facts = ModelConverters.getInstance().read(RegisterReferralForm.class).get(RegisterReferralForm.class.getSimpleName());
    ObjectSchema request = new ObjectSchema();
    request.setDescription("A referral: the source's own reference, the case facts of the start form 'Register a "
        + "referral' (the same rules), and optionally the person's details, which are kept apart from the case. "
        + conditionalRules() + " Unknown fields are refused.");
    request.addProperty(ReferralRequestReader.SOURCE_REFERENCE, new StringSchema().pattern(ReferralRequestReader.REFERENCE.pattern())
        .maxLength(100).description("Your own reference of this referral; sending it again answers the same case"));
    List<String> required = new ArrayList<>(List.of(ReferralRequestReader.SOURCE_REFERENCE));
    if (facts != null && facts.getProperties() != null) {
      Map<String, Schema> properties = facts.getProperties();
      for (RecordComponent component : RegisterReferralForm.class.getRecordComponents()) {
        Schema property = properties.get(component.getName());
        OneOf choices = component.getAnnotation(OneOf.class);
        if (property != null && choices != null) {
          property.setEnum(new ArrayList<>(List.of(choices.value())));
        }
      }
      properties.forEach(request::addProperty);
      if (facts.getRequired() != null) {
        required.addAll(facts.getRequired());
      }
    }
    request.addProperty(ReferralRequestReader.PERSON, new Schema<>().$ref("#/components/schemas/" + IntakePerson.class.getSimpleName())
        .description("Optional personal data; never stored with the case"));
    request.setRequired(required);
    request.setAdditionalProperties(false);
    return request;
  }

  private static String conditionalRules() {
    List<String> rules = new ArrayList<>();
    for (RequiredWhen rule : RegisterReferralForm.class.getAnnotationsByType(RequiredWhen.class)) {
      rules.add(rule.field() + " is required when " + rule.when() + " is '" + rule.is() + "'.");
    }
    return String.join(" ", rules);
  }
}
