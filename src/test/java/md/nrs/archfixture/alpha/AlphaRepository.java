package md.nrs.archfixture.alpha;

import org.springframework.data.repository.Repository;

/** alpha's own repository. */
public interface AlphaRepository extends Repository<Object, String> {
}
