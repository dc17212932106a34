package md.nrs.referral.privacy.vault;

import md.nrs.referral.privacy.FieldCipher;
import md.nrs.referral.privacy.PersonRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of nrs_person: every personal column sealed (see {@link FieldCipher}); the case code in clear. */
@Entity
@Table(name = "nrs_person")
public class PersonEntity extends SealedRow {

  @Column(name = "given_name")
  String givenName;
  @Column(name = "family_name")
  String familyName;
  @Column(name = "date_of_birth")
  String dateOfBirth;
  String sex;
  String phone;
  String email;
  String address;
  @Column(name = "document_type")
  String documentType;
  @Column(name = "document_number")
  String documentNumber;
  @Column(name = "family_contact")
  String familyContact;
  @Column(name = "anonymised_at")
  Instant anonymisedAt;

  protected PersonEntity() {
  }

  PersonEntity(String caseCode, Instant now) {
    super(caseCode, now);
  }

  /** Seals each value of the record under the cipher's active key. */
  void seal(PersonRecord person, FieldCipher cipher) {
    keyId = cipher.activeKeyId();
    givenName = cipher.seal(person.givenName(), caseCode, "given_name");
    familyName = cipher.seal(person.familyName(), caseCode, "family_name");
    dateOfBirth = cipher.seal(person.dateOfBirth() == null ? null : person.dateOfBirth().toString(), caseCode, "date_of_birth");
    sex = cipher.seal(person.sex(), caseCode, "sex");
    phone = cipher.seal(person.phone(), caseCode, "phone");
    email = cipher.seal(person.email(), caseCode, "email");
    address = cipher.seal(person.address(), caseCode, "address");
    documentType = cipher.seal(person.documentType(), caseCode, "document_type");
    documentNumber = cipher.seal(person.documentNumber(), caseCode, "document_number");
    familyContact = cipher.seal(person.familyContact(), caseCode, "family_contact");
  }

  public PersonRecord open(FieldCipher cipher) {
    String birth = cipher.open(dateOfBirth, keyId, caseCode, "date_of_birth");
    return new PersonRecord(cipher.open(givenName, keyId, caseCode, "given_name"),
        cipher.open(familyName, keyId, caseCode, "family_name"),
        birth == null ? null : java.time.LocalDate.parse(birth),
        cipher.open(sex, keyId, caseCode, "sex"),
        cipher.open(phone, keyId, caseCode, "phone"),
        cipher.open(email, keyId, caseCode, "email"),
        cipher.open(address, keyId, caseCode, "address"),
        cipher.open(documentType, keyId, caseCode, "document_type"),
        cipher.open(documentNumber, keyId, caseCode, "document_number"),
        cipher.open(familyContact, keyId, caseCode, "family_contact"));
  }

  public String caseCode() {
    return caseCode;
  }

  public void anonymise(Instant at) {
    givenName = familyName = dateOfBirth = sex = phone = email = address = documentType = documentNumber = familyContact = null;
    anonymisedAt = at;
    updatedAt = at;
  }
}
