package md.nrs.referral.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Finds the models and forms to deploy. Names are kept relative ("processes/shelter.bpmn") so that
 * Cockpit and the deployment list show what policy staff see in the repository, not a build path.
 */
public class ModelCatalog {

  private final ResourcePatternResolver resolver;

  public ModelCatalog(ClassLoader classLoader) {
    this.resolver = new PathMatchingResourcePatternResolver(classLoader);
  }

  public List<ModelResource> load(List<String> patterns) {
    Map<String, ModelResource> byName = new LinkedHashMap<>();
    for (String pattern : patterns) {
      for (Resource resource : resolve(pattern.trim())) {
        String name = relativeName(resource, pattern.trim());
        byName.putIfAbsent(name, new ModelResource(name, read(resource)));
      }
    }
    List<ModelResource> resources = new ArrayList<>(byName.values());
    resources.sort(Comparator.comparing(ModelResource::name));
    return resources;
  }

  private Resource[] resolve(String pattern) {
    try {
      return resolver.getResources(pattern);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list model resources " + pattern, e);
    }
  }

  /** The pattern's first folder ("processes", "forms") anchors the relative name. */
  static String relativeName(Resource resource, String pattern) {
    String root = pattern.replaceFirst("^classpath\\*?:", "").replaceFirst("^/", "");
    root = root.substring(0, root.indexOf('/') + 1);
    String url;
    try {
      url = resource.getURL().toString();
    } catch (IOException e) {
      url = String.valueOf(resource.getFilename());
    }
    int at = url.lastIndexOf("/" + root);
    return at >= 0 ? url.substring(at + 1) : root + resource.getFilename();
  }

  private static byte[] read(Resource resource) {
    try (InputStream in = resource.getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read model resource " + resource, e);
    }
  }
}
