package cn.cac.gzh.filing.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;

import cn.cac.gzh.filing.AccountType;
import cn.cac.gzh.filing.FilingStatus;
import cn.cac.gzh.filing.FormType;
import cn.cac.gzh.filing.UnitType;
import com.baomidou.mybatisplus.annotation.FieldStrategy;
import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import com.baomidou.mybatisplus.annotation.Version;

/**
 * One official account and its filing, as stored. Every column is written on update (including
 * nulls), because a saved draft replaces the previous one; {@code version} guards against lost updates.
 */
@TableName("filing")
class FilingRow {

    @TableId(type = IdType.AUTO)
    private Long id;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private Long operatorId;
    private String countyCode;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private FilingStatus status;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private FormType formType;
    @Version
    private Integer version;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String accountName;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String accountWechatId;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String accountOriginalId;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private AccountType accountType;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private LocalDate openedOn;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String contentCategory;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String registrationPlace;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String operatingPlace;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String township;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String businessScope;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String unitName;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private UnitType unitType;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String unitCode;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String unitAddress;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String responsibleName;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String responsibleIdCipher;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String responsibleIdIndex;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String responsiblePhone;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String adminName;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String adminIdCipher;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String adminIdIndex;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String adminPhone;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String adminPosition;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String personName;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String personIdCipher;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String personIdIndex;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String personPhone;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String personAddress;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private Boolean selfEmployed;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String businessName;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String businessLicenceNo;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String subjectName;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String filingNumber;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private LocalDate dueOn;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private LocalDateTime submittedAt;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private LocalDateTime decidedAt;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private LocalDateTime paperReceivedAt;
    /** Kept by the material module through {@link cn.cac.gzh.filing.FilingFlags} only: a row update never writes it. */
    @TableField(insertStrategy = FieldStrategy.NEVER, updateStrategy = FieldStrategy.NEVER)
    private Boolean materialMismatch;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private Long paperReceivedBy;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String rejectionReason;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String revocationReason;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private LocalDateTime createdAt;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private LocalDateTime updatedAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getOperatorId() { return operatorId; }
    public void setOperatorId(Long operatorId) { this.operatorId = operatorId; }
    public FilingStatus getStatus() { return status; }
    public void setStatus(FilingStatus status) { this.status = status; }
    public FormType getFormType() { return formType; }
    public void setFormType(FormType formType) { this.formType = formType; }
    public Integer getVersion() { return version; }
    public void setVersion(Integer version) { this.version = version; }
    public String getAccountName() { return accountName; }
    public void setAccountName(String accountName) { this.accountName = accountName; }
    public String getAccountWechatId() { return accountWechatId; }
    public void setAccountWechatId(String accountWechatId) { this.accountWechatId = accountWechatId; }
    public String getAccountOriginalId() { return accountOriginalId; }
    public void setAccountOriginalId(String accountOriginalId) { this.accountOriginalId = accountOriginalId; }
    public AccountType getAccountType() { return accountType; }
    public void setAccountType(AccountType accountType) { this.accountType = accountType; }
    public LocalDate getOpenedOn() { return openedOn; }
    public void setOpenedOn(LocalDate openedOn) { this.openedOn = openedOn; }
    public String getContentCategory() { return contentCategory; }
    public void setContentCategory(String contentCategory) { this.contentCategory = contentCategory; }
    public String getRegistrationPlace() { return registrationPlace; }
    public void setRegistrationPlace(String registrationPlace) { this.registrationPlace = registrationPlace; }
    public String getOperatingPlace() { return operatingPlace; }
    public void setOperatingPlace(String operatingPlace) { this.operatingPlace = operatingPlace; }
    public String getTownship() { return township; }
    public void setTownship(String township) { this.township = township; }
    public String getBusinessScope() { return businessScope; }
    public void setBusinessScope(String businessScope) { this.businessScope = businessScope; }
    public String getUnitName() { return unitName; }
    public void setUnitName(String unitName) { this.unitName = unitName; }
    public UnitType getUnitType() { return unitType; }
    public void setUnitType(UnitType unitType) { this.unitType = unitType; }
    public String getUnitCode() { return unitCode; }
    public void setUnitCode(String unitCode) { this.unitCode = unitCode; }
    public String getUnitAddress() { return unitAddress; }
    public void setUnitAddress(String unitAddress) { this.unitAddress = unitAddress; }
    public String getResponsibleName() { return responsibleName; }
    public void setResponsibleName(String responsibleName) { this.responsibleName = responsibleName; }
    public String getResponsibleIdCipher() { return responsibleIdCipher; }
    public void setResponsibleIdCipher(String responsibleIdCipher) { this.responsibleIdCipher = responsibleIdCipher; }
    public String getResponsibleIdIndex() { return responsibleIdIndex; }
    public void setResponsibleIdIndex(String responsibleIdIndex) { this.responsibleIdIndex = responsibleIdIndex; }
    public String getResponsiblePhone() { return responsiblePhone; }
    public void setResponsiblePhone(String responsiblePhone) { this.responsiblePhone = responsiblePhone; }
    public String getAdminName() { return adminName; }
    public void setAdminName(String adminName) { this.adminName = adminName; }
    public String getAdminIdCipher() { return adminIdCipher; }
    public void setAdminIdCipher(String adminIdCipher) { this.adminIdCipher = adminIdCipher; }
    public String getAdminIdIndex() { return adminIdIndex; }
    public void setAdminIdIndex(String adminIdIndex) { this.adminIdIndex = adminIdIndex; }
    public String getAdminPhone() { return adminPhone; }
    public void setAdminPhone(String adminPhone) { this.adminPhone = adminPhone; }
    public String getAdminPosition() { return adminPosition; }
    public void setAdminPosition(String adminPosition) { this.adminPosition = adminPosition; }
    public String getPersonName() { return personName; }
    public void setPersonName(String personName) { this.personName = personName; }
    public String getPersonIdCipher() { return personIdCipher; }
    public void setPersonIdCipher(String personIdCipher) { this.personIdCipher = personIdCipher; }
    public String getPersonIdIndex() { return personIdIndex; }
    public void setPersonIdIndex(String personIdIndex) { this.personIdIndex = personIdIndex; }
    public String getPersonPhone() { return personPhone; }
    public void setPersonPhone(String personPhone) { this.personPhone = personPhone; }
    public String getPersonAddress() { return personAddress; }
    public void setPersonAddress(String personAddress) { this.personAddress = personAddress; }
    public Boolean getSelfEmployed() { return selfEmployed; }
    public void setSelfEmployed(Boolean selfEmployed) { this.selfEmployed = selfEmployed; }
    public String getBusinessName() { return businessName; }
    public void setBusinessName(String businessName) { this.businessName = businessName; }
    public String getBusinessLicenceNo() { return businessLicenceNo; }
    public void setBusinessLicenceNo(String businessLicenceNo) { this.businessLicenceNo = businessLicenceNo; }
    public String getSubjectName() { return subjectName; }
    public void setSubjectName(String subjectName) { this.subjectName = subjectName; }
    public String getFilingNumber() { return filingNumber; }
    public void setFilingNumber(String filingNumber) { this.filingNumber = filingNumber; }
    public LocalDate getDueOn() { return dueOn; }
    public void setDueOn(LocalDate dueOn) { this.dueOn = dueOn; }
    public LocalDateTime getSubmittedAt() { return submittedAt; }
    public void setSubmittedAt(LocalDateTime submittedAt) { this.submittedAt = submittedAt; }
    public LocalDateTime getPaperReceivedAt() { return paperReceivedAt; }
    public void setPaperReceivedAt(LocalDateTime paperReceivedAt) { this.paperReceivedAt = paperReceivedAt; }
    public String getCountyCode() { return countyCode; }
    public void setCountyCode(String countyCode) { this.countyCode = countyCode; }
    public Boolean getMaterialMismatch() { return materialMismatch; }
    public void setMaterialMismatch(Boolean materialMismatch) { this.materialMismatch = materialMismatch; }
    public Long getPaperReceivedBy() { return paperReceivedBy; }
    public void setPaperReceivedBy(Long paperReceivedBy) { this.paperReceivedBy = paperReceivedBy; }
    public LocalDateTime getDecidedAt() { return decidedAt; }
    public void setDecidedAt(LocalDateTime decidedAt) { this.decidedAt = decidedAt; }
    public String getRejectionReason() { return rejectionReason; }
    public void setRejectionReason(String rejectionReason) { this.rejectionReason = rejectionReason; }
    public String getRevocationReason() { return revocationReason; }
    public void setRevocationReason(String revocationReason) { this.revocationReason = revocationReason; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }
    public LocalDateTime getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(LocalDateTime updatedAt) { this.updatedAt = updatedAt; }
}
