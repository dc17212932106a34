package md.nrs.referral.errors;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.Arrays;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The error contract in the OpenAPI document: a {@code Problem} schema (RFC 9457 with the platform's
 * {@code message} and {@code fieldErrors}) listing every {@link ProblemType} URI, used by every 4xx and 5xx
 * answer of every operation and as each operation's default answer.
 */
@Configuration
public class ProblemOpenApi {

  static final String PROBLEM = "Problem";
  static final String FIELD_ERROR = "FieldError";

  @Bean
  OpenApiCustomizer problemDetailsInTheApiDocument() {
    return api -> {
      Components components = api.getComponents() == null ? new Components() : api.getComponents();
      components.addSchemas(FIELD_ERROR, fieldErrorSchema());
      components.addSchemas(PROBLEM, problemSchema());
      api.setComponents(components);
      if (api.getPaths() == null) {
        return;
      }
      api.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
        if (operation.getResponses() == null) {
          return;
        }
        operation.getResponses().forEach((code, response) -> {
          if (code.startsWith("4") || code.startsWith("5")) {
            response.setContent(problemContent());
          }
        });
        operation.getResponses().putIfAbsent("default",
            new ApiResponse().description("Refused or failed: problem details naming the problem").content(problemContent()));
      }));
    };
  }

  private static Content problemContent() {
    return new Content().addMediaType(Problems.CONTENT_TYPE,
        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
  }

  private static Schema<?> fieldErrorSchema() {
    return new ObjectSchema().description("One bad field: its name as sent (a path for nested values) and what is wrong")
        .addProperty("field", new StringSchema()).addProperty("message", new StringSchema())
        .required(List.of("field", "message"));
  }

  private static Schema<?> problemSchema() {
    StringSchema type = new StringSchema();
    type.setFormat("uri");
    type.setDescription("What kind of problem; stable, clients switch on it. One of: " + String.join(", ",
        Arrays.stream(ProblemType.values()).map(t -> t.uri() + " (" + t.status() + ")").toList()));
    type.setEnum(Arrays.stream(ProblemType.values()).map(t -> t.uri().toString()).toList());
    return new ObjectSchema()
        .description("RFC 9457 problem details (application/problem+json). Values sent are never repeated.")
        .addProperty("type", type)
        .addProperty("title", new StringSchema().description("The fixed title of the type"))
        .addProperty("status", new IntegerSchema().description("The HTTP status"))
        .addProperty("detail", new StringSchema().description("What is wrong, in plain words"))
        .addProperty(Problems.MESSAGE, new StringSchema().description("The same text as detail (Camunda's clients show it)"))
        .addProperty(Problems.FIELD_ERRORS, new ArraySchema().items(new Schema<>().$ref("#/components/schemas/" + FIELD_ERROR))
            .description("For an invalid request: every bad field"))
        .required(List.of("type", "title", "status", "detail", Problems.MESSAGE));
  }
}
