package md.nrs.archfixture.privacy;

/** privacy/' port, used properly by nobody here. */
public interface Vault {
}
