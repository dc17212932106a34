package md.nrs.referral.forms;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/** Every {@link FormContract} record in the platform, by form id, found once at start-up. */
@Component
public class FormCatalog {

  private final Map<String, Class<? extends Record>> contracts;

  public FormCatalog() {
    this(scan("md.nrs.referral"));
  }

  public FormCatalog(Map<String, Class<? extends Record>> contracts) {
    this.contracts = Collections.unmodifiableMap(contracts);
  }

  public Optional<Class<? extends Record>> contractFor(String formId) {
    return Optional.ofNullable(formId == null ? null : contracts.get(formId));
  }

  public Map<String, Class<? extends Record>> all() {
    return contracts;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Class<? extends Record>> scan(String basePackage) {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
      @Override
      protected boolean isCandidateComponent(org.springframework.beans.factory.annotation.AnnotatedBeanDefinition bean) {
        return bean.getMetadata().isIndependent();
      }
    };
    scanner.addIncludeFilter(new AnnotationTypeFilter(FormContract.class));
    Map<String, Class<? extends Record>> found = new HashMap<>();
    for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
      Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), FormCatalog.class.getClassLoader());
      if (!type.isRecord()) {
        throw new IllegalStateException(type.getName() + " is a @FormContract but not a record");
      }
      String id = type.getAnnotation(FormContract.class).value();
      Class<?> previous = found.put(id, (Class<? extends Record>) type);
      if (previous != null) {
        throw new IllegalStateException("Form id '" + id + "' has two contracts: " + previous.getName() + ", " + type.getName());
      }
    }
    return found;
  }
}
