package md.nrs.referral.models;

import java.nio.charset.StandardCharsets;

/** A model or form file as it will be deployed: its name relative to the resource root, and its bytes. */
public record ModelResource(String name, byte[] content) {

  public boolean isBpmn() {
    return name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml");
  }

  public boolean isDmn() {
    return name.endsWith(".dmn") || name.endsWith(".dmn11.xml");
  }

  public boolean isForm() {
    return name.endsWith(".form");
  }

  public String text() {
    return new String(content, StandardCharsets.UTF_8);
  }
}
