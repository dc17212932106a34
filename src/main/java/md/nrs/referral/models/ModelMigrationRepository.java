package md.nrs.referral.models;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ModelMigrationRepository extends JpaRepository<ModelMigration, String> {
}
