package md.nrs.referral.models;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import md.nrs.referral.engine.DeployedModels;
import md.nrs.referral.engine.ProcessContracts;
import md.nrs.referral.engine.expressions.PlatformDelegates;
import md.nrs.referral.forms.FormCatalog;
import md.nrs.referral.identity.DirectoryProperties;
import md.nrs.referral.identity.NrsRole;
import org.springframework.beans.factory.BeanFactory;

/**
 * What the running platform has: the engine's deployed forms, processes and decisions and its groups,
 * the Spring beans and classes delegates may name, the configured directory, and the Java contracts.
 */
public class EngineModelEnvironment implements ModelEnvironment {

  private final DeployedModels engine;
  private final BeanFactory beans;
  private final Set<String> configuredGroups = new HashSet<>();
  private final FormCatalog formContracts;
  private final ProcessContracts processContracts;

  public EngineModelEnvironment(DeployedModels engine, BeanFactory beans, DirectoryProperties directory,
      FormCatalog formContracts, ProcessContracts processContracts) {
    this.engine = engine;
    this.beans = beans;
    this.formContracts = formContracts;
    this.processContracts = processContracts;
    directory.agencies().forEach(a -> configuredGroups.add(a.id()));
    directory.teams().forEach(t -> configuredGroups.add(t.id()));
    Arrays.stream(NrsRole.values()).forEach(r -> configuredGroups.add(r.groupId()));
  }

  @Override
  public boolean formDeployed(String formId) {
    return engine.latestForm(formId).isPresent();
  }

  @Override
  public boolean processDeployed(String processKey) {
    return engine.latestProcess(processKey).isPresent();
  }

  @Override
  public boolean decisionDeployed(String decisionKey) {
    return engine.latestDecision(decisionKey).isPresent();
  }

  @Override
  public boolean beanExists(String beanName) {
    return beans.containsBean(beanName);
  }

  @Override
  public boolean isPlatformDelegate(String beanName) {
    return PlatformDelegates.isDelegate(beans, beanName);
  }

  @Override
  public boolean classExists(String className) {
    try {
      Class.forName(className, false, getClass().getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  @Override
  public boolean groupKnown(String groupId) {
    // Groups an administrator added (a new agency in the directory creates its group) count too.
    return configuredGroups.contains(groupId)
        || engine.groupExists(groupId);
  }

  @Override
  public Set<String> contractVariables(String processKey) {
    return processContracts.variablesOf(processKey);
  }

  @Override
  public Set<String> delegateVariables(String beanName) {
    Class<?> type = beans.containsBean(beanName) ? beans.getType(beanName) : null;
    return type == null ? Set.of() : ProcessContracts.variables(org.springframework.util.ClassUtils.getUserClass(type));
  }

  @Override
  public Optional<Set<String>> formContractFields(String formId) {
    return formContracts.contractFor(formId).map(record -> Arrays.stream(record.getRecordComponents())
        .map(java.lang.reflect.RecordComponent::getName).collect(Collectors.toSet()));
  }
}
