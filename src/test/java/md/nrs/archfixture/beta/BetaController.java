package md.nrs.archfixture.beta;

import md.nrs.archfixture.alpha.AlphaRepository;
import org.springframework.web.bind.annotation.RestController;

/** A controller that reaches another feature's repository. */
@RestController
public class BetaController {

  private final AlphaRepository repository;

  public BetaController(AlphaRepository repository) {
    this.repository = repository;
  }

  public String name() {
    return repository.toString();
  }
}
