/**
 * A deliberately broken miniature of the platform for {@code PackageRulesCatchBreakagesTest}: alpha and
 * beta depend on each other, gamma uses an engine internal, alpha reaches inside agencies/, and beta's
 * controller uses alpha's repository. engine/ uses an engine internal, which is allowed there.
 */
package md.nrs.archfixture;
