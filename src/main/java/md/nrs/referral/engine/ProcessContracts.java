package md.nrs.referral.engine;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * The Java process contracts (classes marked {@link ProcessContract}, with a {@code KEY} and typed
 * {@link ProcessVariable}s), by process key: what the platform's code reads and writes for a process.
 */
public final class ProcessContracts {

  private final Map<String, Set<String>> variablesByKey;

  public ProcessContracts(Map<String, Set<String>> variablesByKey) {
    this.variablesByKey = Collections.unmodifiableMap(variablesByKey);
  }

  public static ProcessContracts scan(String basePackage) {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
      @Override
      protected boolean isCandidateComponent(org.springframework.beans.factory.annotation.AnnotatedBeanDefinition bean) {
        return bean.getMetadata().isIndependent();
      }
    };
    scanner.addIncludeFilter(new AnnotationTypeFilter(ProcessContract.class));
    Map<String, Set<String>> found = new HashMap<>();
    for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
      Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), ProcessContracts.class.getClassLoader());
      String key = key(type);
      if (key != null) {
        found.computeIfAbsent(key, k -> new HashSet<>()).addAll(variables(type));
      }
    }
    return new ProcessContracts(found);
  }

  public Set<String> variablesOf(String processKey) {
    return variablesByKey.getOrDefault(processKey, Set.of());
  }

  private static String key(Class<?> type) {
    try {
      Field field = type.getField("KEY");
      return Modifier.isStatic(field.getModifiers()) && field.getType() == String.class ? (String) field.get(null) : null;
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }

  public static Set<String> variables(Class<?> type) {
    Set<String> names = new HashSet<>();
    for (Field field : type.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && ProcessVariable.class.isAssignableFrom(field.getType())) {
        try {
          names.add(((ProcessVariable<?>) field.get(null)).name());
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return names;
  }
}
